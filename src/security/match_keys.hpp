#pragma once
// The keyed side of duplicate hints (domain/cases/duplicate_match.hpp): a blind index of a
// report's e-mail address, phone number and other party, and the keyed hash its text signature
// is built on. Keyed BLAKE2b with keys derived from the store's data key, so a copy of the
// database alone cannot be used to test whether an address or a name is in it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/duplicate_match.hpp"
#include "domain/reports/report.hpp"
#include "security/crypto.hpp"

namespace meldpunt {

struct MatchKey {
  MatchReason reason = MatchReason::kEmail;
  long long key = 0;  // 63 bits, non-negative (a BIGINT column)
};

// What the store keeps of one report to find its possible duplicates.
struct ReportMatchKeys {
  std::vector<MatchKey> keys;              // contact, other parties, and the text's bands
  std::optional<TextSignature> signature;  // none for a text too short to compare
};

class MatchKeys {
 public:
  // match_key: derived from the master key for this purpose only.
  explicit MatchKeys(const Key& match_key);

  // The blind index of a normalised value (NormaliseEmail, NormalisePhone, NormalisePartyName)
  // for this reason: the reason is hashed with it, so an e-mail and a name never share a key.
  // nullopt when the value normalises to nothing.
  std::optional<long long> KeyOf(MatchReason reason, std::string_view raw) const;
  // The keyed hash of one shingle of a text (the base of SignatureOf).
  std::uint64_t ShingleHash(std::string_view shingle) const;
  // Everything of one report: its contact's e-mail and phone, the other parties named in its
  // letters, and its description's signature and bands (as MatchReason::kText keys).
  ReportMatchKeys OfReport(std::string_view description, const std::optional<Contact>& contact,
                           const std::vector<std::string>& other_parties) const;

 private:
  Key index_key_;
  Key shingle_key_;
};

}  // namespace meldpunt
