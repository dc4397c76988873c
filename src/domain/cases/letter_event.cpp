#include "domain/cases/letter_event.hpp"

#include <charconv>

#include "base/text.hpp"

namespace meldpunt {
std::string FormatLetterSentDetail(const LetterSentDetail& detail) {
  return std::to_string(detail.letter_id) + ";" + FormatIsoDate(detail.reply_by);
}

std::optional<LetterSentDetail> ParseLetterSentDetail(std::string_view detail) {
  size_t semicolon = detail.find(';');
  if (semicolon == std::string_view::npos) return std::nullopt;
  auto id = ParseId(detail.substr(0, semicolon));
  auto date = ParseIsoDate(detail.substr(semicolon + 1));
  if (!id || !date) return std::nullopt;
  return LetterSentDetail{*id, *date};
}

std::string FormatReplyReceivedDetail(long long letter_id) { return std::to_string(letter_id); }

std::optional<long long> ParseReplyReceivedDetail(std::string_view detail) {
  return ParseId(detail);
}

}  // namespace meldpunt
