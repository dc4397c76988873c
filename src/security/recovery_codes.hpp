#pragma once
// One-time recovery codes (herstelcodes) for a staff member who lost their authenticator: ten
// codes of 16 base32 characters (80 random bits each), shown once at enrolment and stored only as
// BLAKE2b hashes. 80 bits make an unkeyed fast hash safe, as for session tokens: a copy of the
// database cannot be searched for them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

inline constexpr int kRecoveryCodeCount = 10;

// New codes, formatted for reading: "abcd-efgh-ijkl-mnop".
std::vector<std::string> NewRecoveryCodes();
// A typed code in its stored form (lower case, without spaces and dashes); nullopt when it cannot
// be a recovery code.
std::optional<std::string> NormaliseRecoveryCode(std::string_view typed);
// The hash stored for a normalised code.
std::string HashRecoveryCode(std::string_view normalised);

}  // namespace meldpunt
