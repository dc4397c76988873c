#include "web/staff_access.hpp"

#include "web/pages.hpp"
#include "web/staff_handlers.hpp"

namespace meldpunt::web {

StaffAccess RequireStaff(const AppContext& app, const http::Request& request,
                         Permission permission) {
  auto staff = CurrentStaff(app, request);
  if (!staff) return {std::nullopt, http::Response::SeeOther("/medewerkers/login")};
  if (!Allows(staff->role, permission)) {
    app.store.Audit(AuditEntry::ForBureau(staff->user_id, "access.denied", staff->bureau_id,
                                          std::string(RoleCode(staff->role)) + " " + request.path),
                    app.now());
    return {std::nullopt, ErrorPage(app, 403, &request)};
  }
  return {std::move(staff), std::nullopt};
}

bool CaseVisibleTo(const StaffSession& staff, const RegisteredReport& report) {
  return Allows(staff.role, Permission::kReadCases) && staff.bureau_id &&
         *staff.bureau_id == report.bureau_id;
}

std::optional<RegisteredReport> VisibleReport(const AppContext& app, const StaffSession& staff,
                                              long long report_id) {
  auto report = app.store.GetReport(report_id);
  if (!report) return std::nullopt;
  if (!CaseVisibleTo(staff, *report)) {
    // On the record of the case's bureau; the staff member's own bureau sees it too.
    app.store.Audit(AuditEntry::ForCase(staff.user_id, "access.denied", report->id,
                                        report->bureau_id, "other bureau: " + report->reference),
                    app.now());
    return std::nullopt;
  }
  return report;
}

std::string StaffHome(StaffRole role) {
  if (Allows(role, Permission::kReadCases)) return "/medewerkers/meldingen";
  if (Allows(role, Permission::kViewFigures)) return "/medewerkers/cijfers";
  return "/medewerkers/bureaus";
}

}  // namespace meldpunt::web
