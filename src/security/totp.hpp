#pragma once
// Time-based one-time passwords for the staff's second factor (RFC 6238 on HOTP, RFC 4226):
// HMAC-SHA-1, 6 digits, 30-second steps, as every authenticator app supports. A code is accepted
// for the current step and one step either side (clock drift, typing time), and never for a step
// at or before the last one accepted, so a code that was seen cannot be used again.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

inline constexpr int kTotpDigits = 6;
inline constexpr long long kTotpStepSeconds = 30;
inline constexpr size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

// A new random secret (raw bytes).
std::string NewTotpSecret();
// RFC 4648 base32 without padding, as authenticator apps expect it.
std::string Base32(std::string_view bytes);
// The base32 secret in groups of four characters, for typing it over.
std::string GroupedBase32(std::string_view bytes);
// otpauth://totp/ URI for a QR code: the issuer and the account name label the entry in the app.
std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret);

long long TotpStep(long long unix_seconds);
// The code for one time step.
std::string TotpCode(std::string_view secret, long long step);
// The step whose code was typed: the current one or one either side, later than last_used_step.
// Spaces in the typed code are ignored. nullopt when it matches none of them.
std::optional<long long> MatchTotp(std::string_view secret, std::string_view typed, long long now,
                                   long long last_used_step);

}  // namespace meldpunt
