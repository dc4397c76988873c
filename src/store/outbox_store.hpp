#pragma once
// The outbox of e-mails to reporters (see store/mail_outbox.hpp and src/mail/).
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>

#include "store/mail_outbox.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

class OutboxStore {
 public:
  virtual ~OutboxStore() = default;

  // The outbox of e-mails to reporters (src/mail/). Queues an e-mail of this kind for the contact
  // e-mail address stored with a report; returns false, queuing nothing, when the report has none
  // (anonymous, phone only, unknown id). A report gets at most one confirmation, however often
  // this is called. lang is "nl" or "en"; empty takes the language of the report's earlier
  // e-mails, else Dutch.
  virtual bool EnqueueReporterMail(long long report_id, MailKind kind, const std::string& lang,
                                   long long now) = 0;
  // Claims the e-mail that has been due longest and that no sender holds, for this sender until
  // lease_until, and counts the attempt. Several servers on one database never hold the same one.
  virtual std::optional<OutboxMail> ClaimDueMail(long long now, long long lease_until) = 0;
  // Sent, or given up: either way the address is erased from the outbox.
  virtual void MarkMailSent(long long id, long long now) = 0;
  virtual void MarkMailFailed(long long id, long long now, const std::string& error) = 0;
  // Releases a claimed e-mail to be tried again at next_attempt_at. The error holds no address.
  virtual void RetryMail(long long id, long long next_attempt_at, const std::string& error) = 0;
  virtual OutboxCounts CountOutbox() = 0;
};

}  // namespace meldpunt
