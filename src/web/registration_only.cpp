#include "web/registration_only.hpp"

#include "domain/follow_up.hpp"
#include "http/log.hpp"

namespace meldpunt::web {

bool CloseAsRegistrationOnly(const AppContext& app, const RegisteredReport& report) {
  if (report.is_complaint || report.duplicate) return false;
  try {
    // The case protocol will record the handling code (alleen registratie) here too.
    if (!app.store.SetReportStatus(report.id, ReportStatus::kClosed)) return false;
    app.store.AuditSystem(std::string(kClosedRegistrationOnly), report.reference, app.now());
    return true;
  } catch (const std::exception& e) {
    log::Error("report not closed as registration only",
               {{"report", report.id}, {"error", e.what()}});
    return false;
  }
}

}  // namespace meldpunt::web
