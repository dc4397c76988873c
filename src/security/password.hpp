#pragma once
// Staff passwords, stored only as Argon2id hashes.
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace meldpunt {

inline constexpr size_t kMinPasswordChars = 12;   // OWASP ASVS 4.0.3, 2.1.1
inline constexpr size_t kMaxPasswordChars = 128;  // ASVS 2.1.2 allows at least 64

// Checks length only: ASVS 2.1.9 forbids composition rules.
Result<bool> CheckNewPassword(std::string_view password);
// Argon2id with OWASP's parameters (19 MiB, 2 passes): an encoded string with salt and settings.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

}  // namespace meldpunt
