#include "security/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "security/crypto.hpp"

namespace meldpunt {
namespace {

void InitOath() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath failed to start");
  });
}

// Percent-encoding for a URI component: unreserved characters stay.
std::string EncodeComponent(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() {
  std::string secret(kTotpSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string Base32(std::string_view bytes) {
  InitOath();
  char* out = nullptr;
  size_t length = 0;
  if (oath_base32_encode(bytes.data(), bytes.size(), &out, &length) != OATH_OK || !out) {
    throw std::runtime_error("base32 encoding failed");
  }
  std::unique_ptr<char, decltype(&std::free)> owned(out, &std::free);
  std::string text(out, length);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::string GroupedBase32(std::string_view bytes) {
  std::string plain = Base32(bytes);
  std::string grouped;
  for (size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && i % 4 == 0) grouped += ' ';
    grouped += plain[i];
  }
  return grouped;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  return "otpauth://totp/" + EncodeComponent(issuer) + ":" + EncodeComponent(account) +
         "?secret=" + Base32(secret) + "&issuer=" + EncodeComponent(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

long long TotpStep(long long unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / kTotpStepSeconds : 0;
}

std::string TotpCode(std::string_view secret, long long step) {
  InitOath();
  char code[kTotpDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(step * kTotpStepSeconds),
                         kTotpStepSeconds, 0, kTotpDigits, code) != OATH_OK) {
    throw std::runtime_error("TOTP generation failed");
  }
  return std::string(code, kTotpDigits);
}

std::optional<long long> MatchTotp(std::string_view secret, std::string_view typed, long long now,
                                   long long last_used_step) {
  std::string digits;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9' || digits.size() >= kTotpDigits) return std::nullopt;
    digits += c;
  }
  if (digits.size() != kTotpDigits || secret.empty()) return std::nullopt;
  long long current = TotpStep(now);
  for (long long step = current - 1; step <= current + 1; ++step) {
    if (step <= last_used_step) continue;
    if (ConstantTimeEquals(TotpCode(secret, step), digits)) return step;
  }
  return std::nullopt;
}

}  // namespace meldpunt
