#include "domain/cases/case_tag.hpp"

#include "base/text.hpp"

namespace meldpunt {

std::optional<std::string_view> CheckTagName(std::string_view name) {
  std::string trimmed = Trim(name);
  if (trimmed.empty()) return "empty";
  if (!IsValidUtf8Text(trimmed, false)) return "not_text";
  if (CountCodePoints(trimmed) > kMaxTagNameChars) return "too_long";
  return std::nullopt;
}

std::string TagNameKey(std::string_view name) {
  std::string key;
  for (char c : Trim(name)) {
    if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() == ' ') continue;
      key += ' ';
    } else if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else {
      key += c;
    }
  }
  return key;
}

}  // namespace meldpunt
