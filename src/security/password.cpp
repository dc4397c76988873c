#include "security/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "base/text.hpp"
#include "domain/reports/report.hpp"
#include "security/common_passwords.hpp"

namespace meldpunt {
namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;
}  // namespace

PasswordProblem CheckPassword(std::string_view password, const CommonPasswords* common) {
  size_t chars = CountCodePoints(password);
  if (chars < kMinPasswordChars) return PasswordProblem::kTooShort;
  if (chars > kMaxPasswordChars) return PasswordProblem::kTooLong;
  if (common && common->Contains(password)) return PasswordProblem::kCommon;
  return PasswordProblem::kNone;
}

Result<bool> CheckNewPassword(std::string_view password, const CommonPasswords* common) {
  switch (CheckPassword(password, common)) {
    case PasswordProblem::kNone:
      return true;
    case PasswordProblem::kTooShort:
      return Error{"password must be at least " + std::to_string(kMinPasswordChars) +
                   " characters"};
    case PasswordProblem::kTooLong:
      return Error{"password must be at most " + std::to_string(kMaxPasswordChars) + " characters"};
    case PasswordProblem::kCommon:
      return Error{"this password is on the list of commonly used passwords; choose another"};
  }
  return Error{"password refused"};
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
