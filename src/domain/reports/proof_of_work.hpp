#pragma once
// Proof of work for "under attack" mode (extra drempel bij aanvallen): the reporter's browser
// finds a nonce such that SHA-256("<submission key>:<nonce>") starts with `bits` zero bits.
// The work is bound to the form's submission key, and a key registers one report at most, so a
// solved proof cannot be reused for a second report; a robot pays for every report it sends.
#include <string_view>

namespace meldpunt {

inline constexpr int kMaxProofOfWorkBits = 28;
inline constexpr size_t kMaxNonceChars = 20;

// Number of leading zero bits of a digest.
int LeadingZeroBits(std::string_view digest);

}  // namespace meldpunt
