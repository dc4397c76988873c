#include "domain/reports/follow_up.hpp"

#include "base/text.hpp"

namespace meldpunt {

std::string_view StatusCode(ReportStatus status) {
  switch (status) {
    case ReportStatus::kReceived:
      return "received";
    case ReportStatus::kInProgress:
      return "in_progress";
    case ReportStatus::kClosed:
      return "closed";
  }
  return "received";
}

std::optional<ReportStatus> ParseStatus(std::string_view code) {
  for (ReportStatus status : kAllStatuses) {
    if (StatusCode(status) == code) return status;
  }
  return std::nullopt;
}

std::string_view AuthorCode(MessageAuthor author) {
  return author == MessageAuthor::kReporter ? "reporter" : "bureau";
}

std::optional<MessageAuthor> ParseAuthor(std::string_view code) {
  if (code == "reporter") return MessageAuthor::kReporter;
  if (code == "bureau") return MessageAuthor::kBureau;
  return std::nullopt;
}

MessageValidation ValidateMessage(std::string_view typed) {
  MessageValidation result{Trim(typed), std::nullopt};
  if (result.text.empty()) {
    result.problem = Problem::kRequired;
  } else if (!IsValidUtf8Text(result.text, true)) {
    result.problem = Problem::kInvalidText;
  } else if (CountCodePoints(result.text) > kMaxMessageChars) {
    result.problem = Problem::kTooLong;
  }
  return result;
}

}  // namespace meldpunt
