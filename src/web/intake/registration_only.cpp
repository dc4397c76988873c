#include "web/intake/registration_only.hpp"

#include "base/log.hpp"
#include "domain/cases/handling.hpp"
#include "domain/reports/follow_up.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/store_types.hpp"

namespace meldpunt::web {

bool CloseAsRegistrationOnly(const AppContext& app, const RegisteredReport& report) {
  if (report.is_complaint || report.duplicate) return false;
  try {
    // Closed by rule, not by a staff member: handling and outcome "registration only"
    // (alleen registratie), as an event in the case history like any other closing.
    CaseChange close;
    close.report_id = report.id;
    close.expected_version = report.case_version;
    close.kind = CaseEventKind::kClosed;
    close.detail = "registration_only;registration_only";
    close.step = CaseStep::kClosed;
    close.close = std::make_pair(std::vector<std::string>{std::string(kHandlingRegistrationOnly)},
                                 std::string(kOutcomeRegistrationOnly));
    if (!app.cases.ApplyCaseChange(close, app.now())) return false;
    app.audit.AuditSystem(std::string(kClosedRegistrationOnly), report.reference, app.now());
    return true;
  } catch (const std::exception& e) {
    log::Error("report not closed as registration only",
               {{"report", report.id}, {"error", e.what()}});
    return false;
  }
}

}  // namespace meldpunt::web
