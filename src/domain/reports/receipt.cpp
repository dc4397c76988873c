#include "domain/reports/receipt.hpp"

#include <cstdint>

namespace meldpunt {
namespace {

// Separators people put between groups: ASCII spaces, dashes and dots, and the no-break spaces
// (U+00A0, U+202F) and the hyphens (U+2010, U+2011) that text editors put in their place.
size_t SeparatorLength(std::string_view text, size_t at) {
  char c = text[at];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-' || c == '.') return 1;
  std::string_view rest = text.substr(at);
  for (std::string_view wide : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x90", "\xE2\x80\x91"}) {
    if (rest.starts_with(wide)) return wide.size();
  }
  return 0;
}

}  // namespace

std::optional<std::string> NormaliseReceipt(std::string_view typed) {
  // Anything much longer than a receipt with separators is not one; do not walk it.
  if (typed.size() > 4 * kReceiptDigits) return std::nullopt;
  std::string digits;
  for (size_t i = 0; i < typed.size();) {
    char c = typed[i];
    if (c >= '0' && c <= '9') {
      if (digits.size() == kReceiptDigits) return std::nullopt;
      digits += c;
      ++i;
      continue;
    }
    size_t skip = SeparatorLength(typed, i);
    if (skip == 0) return std::nullopt;
    i += skip;
  }
  if (digits.size() != kReceiptDigits) return std::nullopt;
  return digits;
}

std::vector<std::string> ReceiptGroups(std::string_view digits) {
  std::vector<std::string> groups;
  for (size_t i = 0; i < digits.size(); i += kReceiptGroupDigits) {
    groups.emplace_back(digits.substr(i, kReceiptGroupDigits));
  }
  return groups;
}

std::string FormatReceipt(std::string_view digits) {
  std::string out;
  for (const auto& group : ReceiptGroups(digits)) {
    if (!out.empty()) out += ' ';
    out += group;
  }
  return out;
}

std::string ReceiptFromBytes(const std::array<unsigned char, kReceiptSeedBytes>& seed) {
  constexpr std::uint64_t kTenDigits = 10'000'000'000ULL;
  std::string out;
  for (size_t half = 0; half < 2; ++half) {
    std::uint64_t value = 0;
    for (size_t i = 0; i < 8; ++i) value = (value << 8) | seed[half * 8 + i];
    value %= kTenDigits;
    std::string part(10, '0');
    for (size_t i = 10; i-- > 0; value /= 10) part[i] = static_cast<char>('0' + value % 10);
    out += part;
  }
  return out;
}

}  // namespace meldpunt
