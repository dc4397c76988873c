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

std::string JoinAddress(const std::vector<std::string>& lines) {
  std::string joined;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (!joined.empty()) joined += ", ";
    joined += line;
  }
  return joined;
}

std::string BureauContactSentence(const BureauContact& contact, Lang lang) {
  const bool nl = lang == Lang::kNl;
  std::string phone =
      contact.phone.empty() ? "" : (nl ? "op telefoonnummer " : "by telephone on ") + contact.phone;
  std::string email =
      contact.email.empty() ? "" : (nl ? "per e-mail via " : "by e-mail at ") + contact.email;
  std::string address = JoinAddress(contact.address_lines);
  std::string sentence;
  if (!phone.empty() || !email.empty()) {
    sentence = nl ? "U kunt ons bereiken " : "You can reach us ";
    sentence += phone;
    if (!phone.empty() && !email.empty()) sentence += nl ? " of " : " or ";
    sentence += email;
    sentence += '.';
  }
  if (!address.empty()) {
    if (!sentence.empty()) sentence += ' ';
    sentence += (nl ? "Ons postadres is " : "Our postal address is ") + address + '.';
  }
  // Nothing on the letterhead yet: still a whole sentence, never a gap in the letter.
  if (sentence.empty()) {
    sentence = nl ? "U kunt ook schriftelijk op deze brief reageren."
                  : "You may also reply to this letter in writing.";
  }
  return sentence;
}

std::string AttentionLine(std::string_view person, Lang lang) {
  return (lang == Lang::kNl ? "t.a.v. " : "Attn. ") + std::string(person);
}

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
  // The attention line goes under the organisation's name and above its address (NEN 1026).
  if (auto person = values.find("other_party_attention");
      person != values.end() && !person->second.empty()) {
    layout.recipient.push_back(AttentionLine(person->second, lang));
  }
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
