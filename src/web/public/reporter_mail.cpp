#include "web/public/reporter_mail.hpp"

#include "base/log.hpp"
#include "store/mail_outbox.hpp"
#include "store/outbox_store.hpp"
#include "store/store_types.hpp"

namespace meldpunt::web {
namespace {

void Queued(const AppContext& app) {
  if (app.mail_queued) app.mail_queued();
}

}  // namespace

void QueueReportConfirmation(const AppContext& app, const RegisteredReport& report, Lang lang) {
  if (!report.contact || report.contact->email.empty()) return;
  try {
    // Also for a resent form: if the server stopped between storing the report and queuing its
    // e-mail, the resend queues it; if it was queued, the store adds nothing.
    if (app.outbox.EnqueueReporterMail(report.id, MailKind::kConfirmation,
                                       std::string(LangCode(lang)), app.now())) {
      Queued(app);
    }
  } catch (const std::exception& e) {
    log::Error("confirmation e-mail not queued", {{"report", report.id}, {"error", e.what()}});
  }
}

bool QueueReporterNotice(const AppContext& app, long long report_id) {
  if (!app.outbox.EnqueueReporterMail(report_id, MailKind::kNotice, "", app.now())) return false;
  Queued(app);
  return true;
}

}  // namespace meldpunt::web
