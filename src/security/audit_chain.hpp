#pragma once
// The hash chain that makes the audit log tamper-evident. Every entry carries
//   hash(n) = HMAC-SHA-256(chain key, "meldpunt-audit-v1" || hash(n-1) || the entry's fields)
// with each field length-prefixed, so no two different entries encode alike. The chain key is
// derived from the master key (purpose 50), which never enters the database: someone who can
// write to the database but has no key file can add, change or remove entries, but cannot make
// the chain fit again, and `meldpunt audit verify` names the first entry that does not fit.
#include <optional>
#include <string>
#include <string_view>

#include "security/crypto.hpp"

namespace meldpunt {

// The fields of one chained entry, as stored.
struct AuditChainFields {
  long long seq = 0;  // 1, 2, 3, ... in the order the entries were written
  long long at = 0;
  std::optional<long long> user_id;  // none: meldpunt itself
  std::string_view action;
  std::optional<long long> report_id;
  std::optional<long long> bureau_id;
  std::optional<long long> listed_from;
  std::optional<long long> listed_to;
  std::string_view detail;
  // The cases a list view showed, encoded (issue 14); empty for every other entry. Hashed after
  // the detail only when present, so entries written before it keep their hash.
  std::string_view listed_ids = {};
};

// The chain value before the first entry.
inline constexpr std::string_view kAuditChainStart = "";

// hash(n) in lowercase hex (64 characters), from hash(n-1) in the same form.
std::string AuditChainHash(const Key& chain_key, std::string_view previous_hash,
                           const AuditChainFields& fields);

}  // namespace meldpunt
