#include "security/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/report.hpp"

namespace meldpunt {
namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;
}  // namespace

Result<bool> CheckNewPassword(std::string_view password) {
  size_t chars = CountCodePoints(password);
  if (chars < kMinPasswordChars) {
    return Error{"password must be at least " + std::to_string(kMinPasswordChars) + " characters"};
  }
  if (chars > kMaxPasswordChars) {
    return Error{"password must be at most " + std::to_string(kMaxPasswordChars) + " characters"};
  }
  return true;
}

std::string HashPassword(std::string_view password) {
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return encoded;
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace meldpunt
