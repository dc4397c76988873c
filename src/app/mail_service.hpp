#pragma once
// E-mail to reporters in the running server: the outbox worker for the configured SMTP server.
#include <memory>

#include "app/config.hpp"
#include "store/store.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::mail {
class OutboxWorker;
class SmtpSender;
}  // namespace meldpunt::mail

namespace meldpunt::app {

class MailService {
 public:
  // Starts the outbox worker when an SMTP URL is configured (throws on a bad mail setting), and
  // logs the outbox backlog either way.
  MailService(const Config& config, Store& store, const web::Translator& translator);
  ~MailService();  // Stop()
  MailService(const MailService&) = delete;
  MailService& operator=(const MailService&) = delete;

  bool sending() const { return worker_ != nullptr; }
  // An e-mail was queued: send it now. Does nothing when mail is off.
  void Wake();
  // Cancels a send in progress (it is tried again at the next start) and waits for the worker.
  void Stop();

 private:
  std::unique_ptr<mail::SmtpSender> sender_;
  std::unique_ptr<mail::OutboxWorker> worker_;
};

// `meldpunt outbox`: prints the counts of the outbox; returns the exit code.
int ShowOutbox(const Config& config);

}  // namespace meldpunt::app
