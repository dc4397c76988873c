#include "security/audit_chain.hpp"

#include <sodium.h>

#include <cstdint>

namespace meldpunt {
namespace {

// Appends a field as an 8-byte little-endian length and its bytes.
void AppendField(std::string& out, std::string_view bytes) {
  uint64_t size = bytes.size();
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((size >> (8 * i)) & 0xff));
  out.append(bytes);
}

void AppendNumber(std::string& out, long long value) { AppendField(out, std::to_string(value)); }

// An absent number is the empty field, which no present number encodes to.
void AppendOptional(std::string& out, const std::optional<long long>& value) {
  AppendField(out, value ? std::to_string(*value) : std::string());
}

}  // namespace

std::string AuditChainHash(const Key& chain_key, std::string_view previous_hash,
                           const AuditChainFields& fields) {
  std::string message;
  AppendField(message, "meldpunt-audit-v1");
  AppendField(message, previous_hash);
  AppendNumber(message, fields.seq);
  AppendNumber(message, fields.at);
  AppendOptional(message, fields.user_id);
  AppendField(message, fields.action);
  AppendOptional(message, fields.report_id);
  AppendOptional(message, fields.bureau_id);
  AppendOptional(message, fields.listed_from);
  AppendOptional(message, fields.listed_to);
  AppendField(message, fields.detail);
  if (!fields.listed_ids.empty()) AppendField(message, fields.listed_ids);
  static_assert(sizeof(Key) == crypto_auth_hmacsha256_KEYBYTES);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, chain_key.data(), chain_key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

}  // namespace meldpunt
