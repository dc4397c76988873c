#pragma once
// The audit log (see store/audit_log.hpp).
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "store/audit_log.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Append-only record of who saw or did what (inzage- en wijzigingslog; soci_audit.cpp; see
  // store/audit_log.hpp). Each entry is chained to the one before with a keyed hash; a store
  // opened without the audit chain key refuses to write entries (StoreError).
  virtual void Audit(const AuditEntry& entry, long long now) = 0;
  // The older form, for entries about no case and no bureau: detail only.
  void Audit(long long user_id, const std::string& action, const std::string& detail,
             long long now) {
    Audit(AuditEntry::ForBureau(user_id, action, std::nullopt, detail), now);
  }
  virtual long long CountAudit(const std::string& action) = 0;
  // The entries of a bureau's log that match the filter, newest first.
  virtual std::vector<AuditRecord> ListAudit(const AuditFilter& filter, int limit, int offset) = 0;
  virtual long long CountAuditMatching(const AuditFilter& filter) = 0;
  // Walks the whole log and checks the hash chain (needs the audit chain key).
  virtual AuditChainReport VerifyAuditChain() = 0;
  // An audit entry for what meldpunt did by itself, by a rule, without a staff member (no user):
  // for example closing a report that asked for registration only.
  virtual void AuditSystem(const std::string& action, const std::string& subject,
                           long long now) = 0;
};

}  // namespace meldpunt
