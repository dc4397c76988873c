#include "security/match_keys.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace meldpunt {
namespace {

// Sub-purposes of the match key (DeriveKey); never reused.
enum : unsigned long long { kIndex = 1, kShingle = 2 };

std::uint64_t KeyedHash64(const Key& key, std::string_view prefix, std::string_view text) {
  crypto_generichash_state state;
  std::array<unsigned char, 8> out;
  crypto_generichash_init(&state, key.data(), key.size(), out.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                            prefix.size());
  const unsigned char separator = 0;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                            text.size());
  crypto_generichash_final(&state, out.data(), out.size());
  std::uint64_t value = 0;
  for (unsigned char byte : out) value = (value << 8) | byte;
  return value;
}

}  // namespace

MatchKeys::MatchKeys(const Key& match_key)
    : index_key_(DeriveKey(match_key, kIndex)), shingle_key_(DeriveKey(match_key, kShingle)) {}

std::optional<long long> MatchKeys::KeyOf(MatchReason reason, std::string_view raw) const {
  std::string normalised;
  switch (reason) {
    case MatchReason::kEmail:
      normalised = NormaliseEmail(raw);
      break;
    case MatchReason::kPhone:
      normalised = NormalisePhone(raw);
      break;
    case MatchReason::kParty:
      normalised = NormalisePartyName(raw);
      break;
    case MatchReason::kText:
      return std::nullopt;  // texts are compared by their signature
  }
  if (normalised.empty()) return std::nullopt;
  return static_cast<long long>(KeyedHash64(index_key_, MatchReasonCode(reason), normalised) >> 1);
}

std::uint64_t MatchKeys::ShingleHash(std::string_view shingle) const {
  return KeyedHash64(shingle_key_, "shingle", shingle);
}

ReportMatchKeys MatchKeys::OfReport(std::string_view description,
                                    const std::optional<Contact>& contact,
                                    const std::vector<std::string>& other_parties) const {
  ReportMatchKeys out;
  auto add = [&](MatchReason reason, std::optional<long long> key) {
    if (!key) return;
    bool seen = std::any_of(out.keys.begin(), out.keys.end(),
                            [&](const MatchKey& k) { return k.reason == reason && k.key == *key; });
    if (!seen) out.keys.push_back({reason, *key});
  };
  if (contact) {
    add(MatchReason::kEmail, KeyOf(MatchReason::kEmail, contact->email));
    add(MatchReason::kPhone, KeyOf(MatchReason::kPhone, contact->phone));
  }
  for (const auto& party : other_parties)
    add(MatchReason::kParty, KeyOf(MatchReason::kParty, party));
  out.signature =
      SignatureOf(description, [this](std::string_view shingle) { return ShingleHash(shingle); });
  if (out.signature) {
    for (long long band : BandKeys(*out.signature)) add(MatchReason::kText, band);
  }
  return out;
}

}  // namespace meldpunt
