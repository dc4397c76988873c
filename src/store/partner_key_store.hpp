#pragma once
// API keys of partner organisations (issue 17): a municipality's app, a police or
// anti-discrimination partner, the national reporting site. A bureau admin makes a key; meldpunt
// keeps only its keyed hash (security/partner_keys.hpp). A key belongs to the admin's bureau and
// either sends reports for that bureau's working area only, or anywhere, routed like the public
// form. Keys are revoked, never deleted, so the reports they sent keep naming their partner.
#include <optional>
#include <string>
#include <vector>

namespace meldpunt {

// At most this many keys a bureau may have (live and revoked): the page lists them all.
inline constexpr int kMaxPartnerKeysPerBureau = 200;
inline constexpr size_t kMaxPartnerNameChars = 100;

struct PartnerKey {
  long long id = 0;
  long long bureau_id = 0;  // the bureau whose admin made it
  std::string partner_name;
  bool routing = false;  // true: any municipality, routed; false: the bureau's working area only
  long long created_at = 0;
  long long created_by = 0;
  std::string created_by_email;  // filled by ListPartnerKeys
  std::optional<long long> last_used_at;
  std::optional<long long> revoked_at;
};

// Which key sent a report, and the hash of the request that made it.
struct PartnerReport {
  long long api_key_id = 0;
  std::string partner_name;
  std::string request_hash;
};

class PartnerKeyStore {
 public:
  virtual ~PartnerKeyStore() = default;
  // Stores a new key's hash; nullopt when the bureau has kMaxPartnerKeysPerBureau keys already.
  virtual std::optional<long long> AddPartnerKey(const PartnerKey& key, const std::string& key_hash,
                                                 long long now) = 0;
  // The bureau's keys, newest first (at most kMaxPartnerKeysPerBureau).
  virtual std::vector<PartnerKey> ListPartnerKeys(long long bureau_id) = 0;
  // The key with this hash, revoked or not (one unique-index read).
  virtual std::optional<PartnerKey> FindPartnerKey(const std::string& key_hash) = 0;
  // Revokes one of the bureau's keys; false when it has no such live key.
  virtual bool RevokePartnerKey(long long bureau_id, long long key_id, long long staff_user_id,
                                long long now) = 0;
  // Records that a key was used now.
  virtual void TouchPartnerKey(long long key_id, long long now) = 0;
  // The bureau a report with these municipalities goes to, as AddReport would route it now.
  virtual long long RouteOf(const std::string& incident_municipality,
                            const std::string& residence_municipality) = 0;
  // The partner that sent a report (AddReport with NewReport::partner_key_id); nullopt for others.
  virtual std::optional<PartnerReport> GetPartnerReport(long long report_id) = 0;
};

}  // namespace meldpunt
