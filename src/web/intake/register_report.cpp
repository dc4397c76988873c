#include "web/intake/register_report.hpp"

#include <utility>

#include "store/audit_store.hpp"
#include "store/report_store.hpp"
#include "store/store_types.hpp"
#include "web/common/pages.hpp"
#include "web/intake/registration_only.hpp"
#include "web/public/reporter_mail.hpp"

namespace meldpunt::web {

ReportRegistration RegisterReport(const AppContext& app, const http::Request& request,
                                  NewReport report, std::string_view submission_key) {
  ReportRegistration result;
  // The receipt code (volgcode): from the submission key when there is one, so that a resent
  // form shows the same code; stored only as a keyed hash (see security/receipts.hpp).
  bool has_key = !submission_key.empty();
  result.receipt = has_key ? app.receipts.ForSubmission(submission_key) : Receipts::Random();
  report.submission_key = has_key ? app.receipts.SubmissionKeyHash(submission_key) : std::string();
  report.receipt_hash = app.receipts.Hash(result.receipt);
  // A report that asks for registration only (a melding, not a klacht) is closed at once, in the
  // same write (registration_only.hpp).
  const ClosingOnArrival closing = RegistrationOnlyClosing();
  try {
    result.stored = app.reports.AddReport(report, app.now(), &closing);
  } catch (const StoreBusy&) {
    http::Response busy = ErrorPage(app, 503, &request);
    busy.Set("Retry-After", "30");
    result.refusal = std::move(busy);
    return result;
  }
  const RegisteredReport& stored = result.stored;
  if (report.registered_by != 0 && !stored.duplicate) {
    app.audit.Audit(report.registered_by, "report.register",
                    stored.reference + " " + stored.channel, app.now());
  }
  result.closed = stored.closed_on_arrival;
  QueueReportConfirmation(app, stored, LangOf(request));
  return result;
}

}  // namespace meldpunt::web
