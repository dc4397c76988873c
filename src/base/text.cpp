#include "base/text.hpp"

#include <charconv>

namespace meldpunt {

std::string Trim(std::string_view text) {
  const char* kSpace = " \t\r\n\f\v";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return std::string(text.substr(begin, end - begin + 1));
}

bool IsValidUtf8Text(std::string_view text, bool allow_newlines) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      bool newline = c == '\n' || c == '\r' || c == '\t';
      if ((c < 0x20 && !(allow_newlines && newline) && c != '\t') || c == 0x7f) return false;
      ++i;
      continue;
    }
    size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (length == 0 || c > 0xf4 || i + length > text.size()) return false;
    unsigned code = c & (0xff >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      code = (code << 6) | (cc & 0x3f);
    }
    bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return count;
}

bool LooksLikeEmail(std::string_view email) {
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  auto domain = email.substr(at + 1);
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : email) {
    if (c == ' ' || c == '<' || c == '>' || c == ',' || static_cast<unsigned char>(c) < 0x21) {
      return false;
    }
  }
  return true;
}

bool LooksLikePhone(std::string_view phone) {
  size_t digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 6 && digits <= 20;
}

std::optional<long long> ParseId(std::string_view text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text.size() > 18 || ec != std::errc{} || end != text.data() + text.size() ||
      value <= 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace meldpunt
