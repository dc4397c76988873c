#pragma once
// Checks a proof of work (domain/reports/proof_of_work.hpp) with libsodium's SHA-256.
#include <string_view>

namespace meldpunt {

// True when nonce is 1-20 decimal digits and SHA-256("<key>:<nonce>") has at least `bits`
// leading zero bits. Costs one hash, whatever the input.
bool ProofOfWorkValid(std::string_view submission_key, std::string_view nonce, int bits);

}  // namespace meldpunt
