#include "security/proof_of_work_check.hpp"

#include <sodium.h>

#include <string>

#include "domain/reports/proof_of_work.hpp"

namespace meldpunt {

bool ProofOfWorkValid(std::string_view submission_key, std::string_view nonce, int bits) {
  if (nonce.empty() || nonce.size() > kMaxNonceChars) return false;
  for (char c : nonce) {
    if (c < '0' || c > '9') return false;
  }
  std::string input;
  input.reserve(submission_key.size() + 1 + nonce.size());
  input.append(submission_key).append(":").append(nonce);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  return LeadingZeroBits(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest)) >=
         bits;
}

}  // namespace meldpunt
