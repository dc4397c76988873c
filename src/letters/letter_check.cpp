#include "letters/letter_check.hpp"

#include "base/text.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt::letters {
namespace {

std::optional<std::string> CheckLine(const std::string& text, const std::string& field) {
  if (!IsValidUtf8Text(text, false)) return field + " is not valid text (UTF-8, one line)";
  if (CountCodePoints(text) > kMaxLineChars) {
    return field + " is longer than " + std::to_string(kMaxLineChars) + " characters";
  }
  return std::nullopt;
}

std::optional<std::string> CheckBlock(const std::vector<std::string>& lines,
                                      const std::string& field) {
  if (lines.size() > kMaxBlockLines) {
    return field + " has more than " + std::to_string(kMaxBlockLines) + " lines";
  }
  for (const std::string& line : lines) {
    if (auto problem = CheckLine(line, field)) return problem;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckLetterLayout(const LetterLayout& letter) {
  for (const auto& [text, field] :
       {std::pair{&letter.title, "title"}, std::pair{&letter.date_line, "date line"},
        std::pair{&letter.subject, "subject"}}) {
    if (auto problem = CheckLine(*text, field)) return problem;
  }
  if (auto problem = CheckBlock(letter.sender, "sender")) return problem;
  if (auto problem = CheckBlock(letter.recipient, "recipient")) return problem;
  if (auto problem = CheckBlock(letter.signature, "signature")) return problem;
  size_t body_chars = 0;
  for (const std::string& paragraph : letter.paragraphs) {
    if (!IsValidUtf8Text(paragraph, true)) return std::string("body is not valid UTF-8 text");
    body_chars += CountCodePoints(paragraph);
  }
  if (body_chars > kMaxBodyChars) {
    return "body is longer than " + std::to_string(kMaxBodyChars) + " characters";
  }
  return std::nullopt;
}

}  // namespace meldpunt::letters
