#pragma once
// What the case history records about letters to the other party (hoor en wederhoor), in the
// `detail` of the case events, so that the case page and the deadline overview can read the
// reply deadline without opening the letter (whose fields are encrypted):
// - letter_sent: "<letter id>;<reply by, YYYY-MM-DD>", e.g. "7;2026-04-01";
// - reply_received: "<letter id>", the letter the reply answers.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace meldpunt {

struct LetterSentDetail {
  long long letter_id = 0;
  Date reply_by{};  // the date the letter asks the other party to reply by
};

std::string FormatLetterSentDetail(const LetterSentDetail& detail);
// nullopt for anything else than what FormatLetterSentDetail writes.
std::optional<LetterSentDetail> ParseLetterSentDetail(std::string_view detail);

std::string FormatReplyReceivedDetail(long long letter_id);
std::optional<long long> ParseReplyReceivedDetail(std::string_view detail);

}  // namespace meldpunt
