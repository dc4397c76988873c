#pragma once
// The outbox worker: one background thread per server that takes due e-mails from the store,
// sends them and records the outcome. A failed attempt is tried again after a delay that doubles
// each time (RetryDelay); after max_attempts the e-mail is given up. Several servers on one
// PostgreSQL database can each run one: the store's leases keep them from sending an e-mail twice.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "mail/message.hpp"
#include "mail/smtp_sender.hpp"
#include "store/outbox_store.hpp"

namespace meldpunt::mail {

struct RetryPolicy {
  std::chrono::seconds base{30};
  std::chrono::seconds max{3600};
  int max_attempts = 10;
};

// The wait after a failed attempt: base after the first, doubling, never more than max.
std::chrono::seconds RetryDelay(const RetryPolicy& policy, int failed_attempts);

struct OutboxOptions {
  Mailbox from;
  std::string public_url;  // the site's address, for the link in the e-mails
  RetryPolicy retry;
  // How often to look for due e-mail that no wake-up announced (queued by another server).
  std::chrono::seconds poll{15};
  // How long a claimed e-mail is this server's; longer than a send can take.
  std::chrono::seconds lease{300};
  // Writes a date in the e-mail's language ("3 listopada 2026"); when empty, the day, the
  // translated month name and the year (issue 15).
  std::function<std::string(std::string_view lang, std::chrono::year_month_day date)> format_date;
  // The signature's lines for the report's bureau in the e-mail's language: its name and how to
  // reach it (issue 15); when empty or giving nothing, the installation's name.
  std::function<std::vector<std::string>(long long bureau_id, std::string_view lang)> signature;
};

// Translates a message id into a language ("nl", "en", "tr", …).
using TranslateTo = std::function<std::string(std::string_view lang, std::string_view msgid)>;

class OutboxWorker {
 public:
  OutboxWorker(OutboxStore& store, MailSender& sender, TranslateTo translate, OutboxOptions options,
               std::function<long long()> now);
  ~OutboxWorker();  // Stop()
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  void Start();
  // Looks for due e-mail now (call after queuing one). Cheap; safe from any thread.
  void Wake();
  // Cancels a send in progress (it is tried again later), and waits for the thread to end.
  void Stop();
  // Sends everything due now, one by one, on the calling thread; returns how many were handled.
  // The thread calls this; tests call it directly.
  int SendDue();

 private:
  void Loop();
  void Handle(const OutboxMail& mail);
  // Waits until woken, stopped, the poll interval passed or a retry is due.
  void Wait();

  OutboxStore& store_;
  MailSender& sender_;
  const TranslateTo translate_;
  const OutboxOptions options_;
  const std::function<long long()> now_;

  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;                      // guarded by mutex_
  std::optional<long long> soonest_retry_;  // guarded by mutex_; Unix seconds
  std::thread thread_;
};

}  // namespace meldpunt::mail
