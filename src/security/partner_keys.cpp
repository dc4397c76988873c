#include "security/partner_keys.hpp"

#include <sodium.h>

#include <algorithm>

namespace meldpunt {

std::string PartnerKeys::NewKey() { return std::string(kPartnerKeyPrefix) + RandomToken(32); }

bool PartnerKeys::LooksLikeKey(std::string_view text) {
  if (text.size() != kPartnerKeyChars || !text.starts_with(kPartnerKeyPrefix)) return false;
  return std::all_of(text.begin() + kPartnerKeyPrefix.size(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string PartnerKeys::Hash(std::string_view key) const {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(key.data()),
                     key.size(), hash_key_.data(), hash_key_.size());
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return std::string(hex, sizeof hash * 2);
}

}  // namespace meldpunt
