#include "app/mail_service.hpp"

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "base/log.hpp"
#include "mail/outbox_worker.hpp"
#include "mail/smtp_sender.hpp"
#include "store/open_store.hpp"
#include "web/common/bureau_face_view.hpp"
#include "web/common/locale_format.hpp"

namespace meldpunt::app {
namespace {

long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void LogBacklog(Store& store, bool sending) {
  OutboxCounts counts = store.CountOutbox();
  boost::json::object fields{{"sending", sending},
                             {"pending", counts.pending},
                             {"sent", counts.sent},
                             {"failed", counts.failed}};
  if (counts.oldest_pending_at) {
    fields["oldest_pending_seconds"] = UnixNow() - *counts.oldest_pending_at;
  }
  log::Info(
      sending || counts.pending == 0 ? "mail outbox" : "mail outbox (not sending: no SMTP URL)",
      std::move(fields));
}

}  // namespace

MailService::MailService(const Config& config, Store& store, const web::Translator& translator) {
  if (!config.smtp_url.empty()) {
    if (auto ok = mail::CheckSmtpUrl(config.smtp_url); !ok) throw std::runtime_error(ok.error());
    auto from = mail::ParseMailbox(config.mail_from);
    if (!from) throw std::runtime_error("--mail-from: " + from.error());
    if (from->name.empty())
      from->name = translator.Get(web::Lang::kNl, "Discrimination reporting point");
    mail::SmtpSettings smtp{config.smtp_url, config.smtp_user, config.smtp_password};
    mail::OutboxOptions options;
    options.from = *from;
    options.public_url = config.public_url;
    options.retry = {
        std::chrono::seconds(config.mail_retry_seconds),
        std::chrono::seconds(std::max(config.mail_retry_seconds, config.mail_retry_max_seconds)),
        config.mail_max_attempts};
    options.poll = std::chrono::seconds(config.mail_poll_seconds);
    options.format_date = [](std::string_view lang, std::chrono::year_month_day date) {
      return web::FormatLongDate(web::Languages().Find(lang).value_or(web::Lang::kNl), date);
    };
    // The signature names the report's bureau and how to reach it (issue 15): read per e-mail,
    // so a changed profile shows in the next one.
    options.signature = [&store, &translator](long long bureau_id, std::string_view lang) {
      web::Lang language = web::Languages().Find(lang).value_or(web::Lang::kNl);
      for (const auto& face : store.ListBureauFaces()) {
        if (face.id == bureau_id) return web::MailSignature(face, translator, language);
      }
      return std::vector<std::string>{};
    };
    // A claimed e-mail stays this server's for longer than the longest send.
    options.lease = 2 * (smtp.connect_timeout + smtp.timeout);
    sender_ = std::make_unique<mail::SmtpSender>(std::move(smtp));
    worker_ = std::make_unique<mail::OutboxWorker>(
        store, *sender_,
        [&translator](std::string_view lang, std::string_view msgid) {
          return translator.Get(web::Languages().Find(lang).value_or(web::Lang::kNl), msgid);
        },
        std::move(options), UnixNow);
  }
  LogBacklog(store, sending());
  if (worker_) worker_->Start();
}

MailService::~MailService() { Stop(); }

void MailService::Wake() {
  if (worker_) worker_->Wake();
}

void MailService::Stop() {
  if (worker_) worker_->Stop();
}

int ShowOutbox(const Config& config) {
  auto store = OpenStore(config.database, std::nullopt);
  OutboxCounts counts = store->CountOutbox();
  std::cout << "pending " << counts.pending << "\nsent " << counts.sent << "\nfailed "
            << counts.failed << "\n";
  if (counts.oldest_pending_at) {
    std::cout << "oldest pending " << (UnixNow() - *counts.oldest_pending_at) << " s\n";
  }
  return 0;
}

}  // namespace meldpunt::app
