#include "domain/cases/case_event.hpp"

namespace meldpunt {
namespace {

constexpr std::array<std::string_view, kAllCaseEventKinds.size()> kCodes = {"step",
                                                                            "action",
                                                                            "note",
                                                                            "assigned",
                                                                            "consent",
                                                                            "contact",
                                                                            "missed_appointment",
                                                                            "letter_sent",
                                                                            "reply_received",
                                                                            "closed",
                                                                            "reopened",
                                                                            "moved",
                                                                            "linked",
                                                                            "classified",
                                                                            "mediation_planned",
                                                                            "follow_up",
                                                                            "tagged",
                                                                            "referred",
                                                                            "own_initiative",
                                                                            "related"};

}  // namespace

std::string_view CaseEventCode(CaseEventKind kind) { return kCodes[static_cast<size_t>(kind)]; }

std::optional<CaseEventKind> ParseCaseEvent(std::string_view code) {
  for (CaseEventKind kind : kAllCaseEventKinds) {
    if (CaseEventCode(kind) == code) return kind;
  }
  return std::nullopt;
}

ReportStatus ReporterStatusOf(CaseStep step) {
  switch (step) {
    case CaseStep::kReceived:
      return ReportStatus::kReceived;
    case CaseStep::kClosed:
    case CaseStep::kArchived:
      return ReportStatus::kClosed;
    default:
      return ReportStatus::kInProgress;
  }
}

}  // namespace meldpunt
