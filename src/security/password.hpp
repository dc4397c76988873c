#pragma once
// Staff passwords, stored only as Argon2id hashes. The rules follow OWASP ASVS 4.0.3 section 2.1:
// at least 12 characters (2.1.1), up to 128 (2.1.2 asks to allow at least 64), counted in Unicode
// code points so every printable character counts once (2.1.4), never truncated (2.1.3), no
// composition rules (2.1.9), and not one of the most common passwords (2.1.7).
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace meldpunt {

class CommonPasswords;

inline constexpr size_t kMinPasswordChars = 12;   // OWASP ASVS 4.0.3, 2.1.1
inline constexpr size_t kMaxPasswordChars = 128;  // ASVS 2.1.2 allows at least 64

enum class PasswordProblem { kNone, kTooShort, kTooLong, kCommon };

// Checks length and, when a list is given, that the password is not a common one.
PasswordProblem CheckPassword(std::string_view password, const CommonPasswords* common);
// The same, with the problem as an English sentence (for the command line).
Result<bool> CheckNewPassword(std::string_view password, const CommonPasswords* common = nullptr);
// Argon2id with OWASP's parameters (19 MiB, 2 passes): an encoded string with salt and settings.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

}  // namespace meldpunt
