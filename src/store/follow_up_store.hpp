#pragma once
// Follow-up by the reporter: the receipt, the message thread and the reporter's sessions.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/reports/follow_up.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// One message between the reporter and the bureau about a report (bericht).
struct ThreadMessage {
  long long id = 0;
  long long at = 0;  // Unix seconds
  MessageAuthor author = MessageAuthor::kReporter;
  // Who wrote it for the bureau (staff pages only); empty for the reporter.
  std::string staff_email;
  std::string body;
  bool erased = false;  // the body was erased with the report's personal data
};

class FollowUpStore {
 public:
  virtual ~FollowUpStore() = default;

  // Follow-up by the reporter (see domain/reports/follow_up.hpp and security/receipts.hpp).
  // The report whose receipt has this hash (Receipts::Hash), if any.
  virtual std::optional<long long> FindReportByReceipt(const std::string& receipt_hash) = 0;
  // Replaces a stored receipt hash by one of a newer scheme (a legacy Argon2id hash by the keyed
  // BLAKE2b one, after the reporter typed the right code). False when old_hash is not stored
  // (already upgraded by a concurrent sign-in, or the report was erased).
  virtual bool UpgradeReceiptHash(const std::string& old_hash, const std::string& new_hash) = 0;
  // Whether any receipt hash of an older scheme (not "k2:") is still stored: once none is, a
  // wrong code need not be hashed the old way too. One look in a partial index (migration 51).
  virtual bool AnyLegacyReceiptHash() = 0;
  // Stores the message encrypted; returns its id (evidence files may point to it later).
  // staff_user_id is set for messages from the bureau.
  virtual long long AddMessage(long long report_id, MessageAuthor author,
                               std::optional<long long> staff_user_id, const std::string& body,
                               long long now) = 0;
  // Oldest first, decrypted.
  virtual std::vector<ThreadMessage> ListMessages(long long report_id) = 0;
  // Reporter sessions after a right receipt, stored as a hash of the cookie's token like staff
  // sessions. Sessions last used before forget_before are deleted at the same time: when a
  // reporter looked at their report is not kept longer than needed.
  virtual void AddFollowUpSession(const std::string& token_hash, long long report_id, long long now,
                                  long long forget_before) = 0;
  // The session's report when it exists, was used after idle_since and started after
  // started_since; marks it used now. An expired session is deleted.
  virtual std::optional<long long> UseFollowUpSession(const std::string& token_hash, long long now,
                                                      long long idle_since,
                                                      long long started_since) = 0;
  virtual void EndFollowUpSession(const std::string& token_hash) = 0;
};

}  // namespace meldpunt
