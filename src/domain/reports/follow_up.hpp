#pragma once
// Following a report up: where it stands, and the conversation between the reporter and the
// bureau about it. (A full case workflow, with steps and deadlines, comes later; this is the
// status the reporter sees.)
#include <optional>
#include <string>
#include <string_view>

#include "domain/reports/report.hpp"

namespace meldpunt {

// The status shown to the reporter (status van de melding).
enum class ReportStatus {
  kReceived,    // ontvangen: registered, nobody has picked it up yet
  kInProgress,  // in behandeling: a staff member works on it
  kClosed,      // afgesloten
};
inline constexpr ReportStatus kAllStatuses[] = {ReportStatus::kReceived, ReportStatus::kInProgress,
                                                ReportStatus::kClosed};

// The value stored in reports.status and sent by the staff form: received, in_progress, closed.
std::string_view StatusCode(ReportStatus status);
std::optional<ReportStatus> ParseStatus(std::string_view code);

// Who wrote a message in the thread (berichten).
enum class MessageAuthor {
  kReporter,  // melder
  kBureau,    // a staff member of the bureau
};
std::string_view AuthorCode(MessageAuthor author);  // reporter, bureau
std::optional<MessageAuthor> ParseAuthor(std::string_view code);

// A message is shorter than a report, but long enough for a full answer.
inline constexpr size_t kMaxMessageChars = 5000;

// The message as it will be stored (trimmed), or the problem with it: required, too long, or
// characters we cannot store (the same rule as the report's description).
struct MessageValidation {
  std::string text;
  std::optional<Problem> problem;
};
MessageValidation ValidateMessage(std::string_view typed);

}  // namespace meldpunt
