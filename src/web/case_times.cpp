#include "web/case_times.hpp"

#include <algorithm>

#include "domain/case_action.hpp"

namespace meldpunt::web {
namespace {

void First(std::optional<long long>& slot, long long at) {
  if (!slot || at < *slot) slot = at;
}

void Last(std::optional<long long>& slot, long long at) {
  if (!slot || at > *slot) slot = at;
}

}  // namespace

CaseTimes CaseTimesOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                      const std::vector<ThreadMessage>& messages) {
  CaseTimes times;
  times.received_at = report.reported_at;
  times.receipt_confirmed_at = report.reported_at;
  times.closed_at = report.closed_at;
  for (const auto& message : messages) {
    if (message.author == MessageAuthor::kBureau) {
      First(times.first_contact_at, message.at);
    } else {
      Last(times.reporter_heard_at, message.at);
    }
  }
  for (const auto& event : events) {
    switch (event.kind) {
      case CaseEventKind::kContact:
        First(times.first_contact_at, event.at);
        if (event.code == "reporter_responded") Last(times.reporter_heard_at, event.at);
        break;
      case CaseEventKind::kMissedAppointment:
        Last(times.last_missed_appointment_at, event.at);
        ++times.no_shows;
        break;
      case CaseEventKind::kLetterSent:
        Last(times.letter_sent_at, event.at);
        break;
      case CaseEventKind::kAction:
        if (event.code == ActionCode(ActionKind::kLetterToOtherParty)) {
          Last(times.letter_sent_at, event.at);
        }
        break;
      case CaseEventKind::kReplyReceived:
        Last(times.reply_received_at, event.at);
        break;
      default:
        break;
    }
  }
  return times;
}

}  // namespace meldpunt::web
