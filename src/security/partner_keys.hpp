#pragma once
// Partner API keys (issue 17): made at random, shown to the bureau admin once, and stored only as
// a keyed BLAKE2b hash, so a copied database holds nothing a partner could be impersonated with,
// and cannot be tested against guessed keys without the key file.
#include <string>
#include <string_view>

#include "security/crypto.hpp"

namespace meldpunt {

// A key as partners send it: kPartnerKeyPrefix and 43 base64url characters (32 random bytes).
inline constexpr std::string_view kPartnerKeyPrefix = "mpk_";
inline constexpr size_t kPartnerKeyChars = 4 + 43;

class PartnerKeys {
 public:
  // hash_key is derived from the master key for partner keys only.
  explicit PartnerKeys(const Key& hash_key) : hash_key_(hash_key) {}
  // A new key: 256 random bits.
  static std::string NewKey();
  // Whether the text has a key's form (before it is looked up).
  static bool LooksLikeKey(std::string_view text);
  // What partner_api_keys.key_hash holds: keyed BLAKE2b-256 of the key, in hex. Also the hash of
  // a request's body in partner_reports.request_hash.
  std::string Hash(std::string_view key) const;

 private:
  Key hash_key_;
};

}  // namespace meldpunt
