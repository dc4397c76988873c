#include "security/recovery_codes.hpp"

#include <sodium.h>

#include "security/crypto.hpp"

namespace meldpunt {
namespace {

constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";  // base32, lower case
constexpr size_t kCodeChars = 16;

}  // namespace

std::vector<std::string> NewRecoveryCodes() {
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    std::string code;
    for (size_t c = 0; c < kCodeChars; ++c) {
      if (c > 0 && c % 4 == 0) code += '-';
      code += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::optional<std::string> NormaliseRecoveryCode(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // Digits that base32 leaves out are read as the letters they look like.
    if (c == '0') c = 'o';
    if (c == '1') c = 'l';
    if (kAlphabet.find(c) == std::string_view::npos || code.size() >= kCodeChars) {
      return std::nullopt;
    }
    code += c;
  }
  if (code.size() != kCodeChars) return std::nullopt;
  return code;
}

std::string HashRecoveryCode(std::string_view normalised) {
  return HashToken(std::string("recovery-code:") + std::string(normalised));
}

}  // namespace meldpunt
