#include "letters/compose.hpp"

#include "letters/fill.hpp"

namespace meldpunt::letters {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Each line of the text with a trailing "\r" removed.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  bool open = false;
  for (std::string_view line : Lines(text)) {
    if (IsBlank(line)) {
      if (open) paragraphs.push_back(std::move(current));
      current.clear();
      open = false;
      continue;
    }
    if (open) current += '\n';
    current += line;
    open = true;
  }
  if (open) paragraphs.push_back(std::move(current));
  return paragraphs;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  size_t first = 0;
  size_t last = lines.size();
  while (first < last && IsBlank(lines[first])) ++first;
  while (last > first && IsBlank(lines[last - 1])) --last;
  return {lines.begin() + static_cast<std::ptrdiff_t>(first),
          lines.begin() + static_cast<std::ptrdiff_t>(last)};
}

Result<LetterLayout> ComposeLetter(const LetterTemplate& letter,
                                   const std::map<std::string, std::string>& values,
                                   const std::vector<std::string>& bureau_address, Lang lang) {
  for (const char* required : {"bureau_name", "other_party_name", "other_party_address", "date"}) {
    if (!values.contains(required)) return Error{std::string("no value for ") + required};
  }
  auto subject = FillLetter(letter.subject, values);
  if (!subject) return Error{"subject: " + subject.error()};
  auto body = FillLetter(letter.body, values);
  if (!body) return Error{"body: " + body.error()};
  auto closing = FillLetter(letter.closing, values);
  if (!closing) return Error{"closing: " + closing.error()};

  LetterLayout layout;
  layout.lang = lang;
  layout.title = *subject;
  layout.sender.push_back(values.at("bureau_name"));
  layout.sender.insert(layout.sender.end(), bureau_address.begin(), bureau_address.end());
  layout.recipient.push_back(values.at("other_party_name"));
  for (std::string& line : SplitLines(values.at("other_party_address"))) {
    layout.recipient.push_back(std::move(line));
  }
  layout.date_line = values.at("date");
  layout.subject = std::move(*subject);
  layout.paragraphs = SplitParagraphs(*body);
  layout.signature = SplitLines(*closing);
  return layout;
}

}  // namespace meldpunt::letters
