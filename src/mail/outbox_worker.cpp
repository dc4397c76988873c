#include "mail/outbox_worker.hpp"

#include <algorithm>

#include "base/log.hpp"
#include "mail/texts.hpp"
#include "security/crypto.hpp"

namespace meldpunt::mail {

std::chrono::seconds RetryDelay(const RetryPolicy& policy, int failed_attempts) {
  auto delay = policy.base;
  for (int i = 1; i < failed_attempts && delay < policy.max; ++i) delay *= 2;
  return std::min(delay, policy.max);
}

OutboxWorker::OutboxWorker(OutboxStore& store, MailSender& sender, TranslateTo translate,
                           OutboxOptions options, std::function<long long()> now)
    : store_(store),
      sender_(sender),
      translate_(std::move(translate)),
      options_(std::move(options)),
      now_(std::move(now)) {}

OutboxWorker::~OutboxWorker() { Stop(); }

void OutboxWorker::Start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { Loop(); });
}

void OutboxWorker::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void OutboxWorker::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::Loop() {
  while (!stopping_) {
    try {
      SendDue();
    } catch (const std::exception& e) {
      // The database may be away for a moment; the e-mails wait in the outbox meanwhile.
      log::Error("mail outbox", {{"error", e.what()}});
    }
    Wait();
  }
}

void OutboxWorker::Wait() {
  std::unique_lock lock(mutex_);
  auto wait = options_.poll;
  if (soonest_retry_) {
    wait = std::clamp(std::chrono::seconds(*soonest_retry_ - now_()), std::chrono::seconds(0),
                      options_.poll);
  }
  wake_.wait_for(lock, wait, [this] { return woken_ || stopping_.load(); });
  woken_ = false;
  if (soonest_retry_ && *soonest_retry_ <= now_()) soonest_retry_.reset();
}

int OutboxWorker::SendDue() {
  int handled = 0;
  while (!stopping_) {
    long long now = now_();
    auto mail = store_.ClaimDueMail(now, now + options_.lease.count());
    if (!mail) break;
    Handle(*mail);
    ++handled;
  }
  return handled;
}

void OutboxWorker::Handle(const OutboxMail& mail) {
  boost::json::object fields{
      {"id", mail.id}, {"kind", std::string(MailKindName(mail.kind))}, {"attempt", mail.attempts}};
  std::vector<std::string> signature;
  if (options_.signature && mail.bureau_id > 0) {
    signature = options_.signature(mail.bureau_id, mail.lang);
  }
  MailText text = ReporterMailText(
      mail.kind, mail.created_at, options_.public_url,
      [&](std::string_view msgid) { return translate_(mail.lang, msgid); },
      options_.format_date ? FormatDate([&](std::chrono::year_month_day date) {
        return options_.format_date(mail.lang, date);
      })
                           : FormatDate(),
      signature);
  std::string domain = options_.from.address.substr(options_.from.address.rfind('@') + 1);
  Message message{options_.from, mail.recipient, text.subject,
                  text.body,     now_(),         RandomToken(18) + "@" + domain};
  auto composed = Compose(message);
  if (!composed) {
    // Nothing will make this address sendable: give up at once.
    store_.MarkMailFailed(mail.id, now_(), composed.error());
    fields["error"] = composed.error();
    log::Error("mail given up", std::move(fields));
    return;
  }
  auto error = sender_.Send(options_.from.address, mail.recipient, *composed, stopping_);
  if (!error) {
    store_.MarkMailSent(mail.id, now_());
    log::Info("mail sent", std::move(fields));
    return;
  }
  fields["error"] = error->message;
  if (stopping_) {
    store_.RetryMail(mail.id, now_(), error->message);
    log::Info("mail postponed", std::move(fields));
    return;
  }
  if (mail.attempts >= options_.retry.max_attempts) {
    store_.MarkMailFailed(mail.id, now_(), error->message);
    log::Error("mail given up", std::move(fields));
    return;
  }
  auto delay = RetryDelay(options_.retry, mail.attempts);
  long long next = now_() + delay.count();
  store_.RetryMail(mail.id, next, error->message);
  {
    std::lock_guard lock(mutex_);
    soonest_retry_ = std::min(soonest_retry_.value_or(next), next);
  }
  fields["retry_in_seconds"] = delay.count();
  log::Info("mail retry", std::move(fields));
}

}  // namespace meldpunt::mail
