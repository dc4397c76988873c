#include "web/common/staff_access.hpp"

#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

StaffAccess RequireStaff(const AppContext& app, const http::Request& request,
                         Permission permission) {
  auto staff = CurrentStaff(app, request);
  if (!staff) return {std::nullopt, http::Response::SeeOther(kStaffLoginPath)};
  if (!Allows(staff->role, permission)) {
    app.audit.Audit(AuditEntry::ForBureau(staff->user_id, "access.denied", staff->bureau_id,
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
  auto report = app.reports.GetReport(report_id);
  if (!report) return std::nullopt;
  if (!CaseVisibleTo(staff, *report)) {
    // On the record of the case's bureau; the staff member's own bureau sees it too.
    app.audit.Audit(AuditEntry::ForCase(staff.user_id, "access.denied", report->id,
                                        report->bureau_id, "other bureau: " + report->reference),
                    app.now());
    return std::nullopt;
  }
  return report;
}

std::optional<std::string> SafeReturnPath(std::string_view path) {
  constexpr std::string_view kStaffArea = "/medewerkers/";
  if (path.size() > 2000 || !path.starts_with(kStaffArea)) return std::nullopt;
  for (char c : path) {
    // Letters, digits and the few characters our paths and queries use; no backslash, no
    // control characters, no second "//" that a browser would read as another host.
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == '?' || c == '=' ||
              c == '&' || c == '%' || c == '+';
    if (!ok) return std::nullopt;
  }
  if (path.find("//") != std::string_view::npos || path.find("/../") != std::string_view::npos ||
      path.ends_with("/..")) {
    return std::nullopt;
  }
  return std::string(path);
}

std::optional<http::Response> RequireRecentAuth(const AppContext& app, const StaffSession& staff,
                                                const std::string& return_to) {
  if (staff.authenticated_at >= app.now() - app.options.reauth_window.count()) return std::nullopt;
  std::string back = SafeReturnPath(return_to).value_or(StaffHome(staff.role));
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : back) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (keep) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return http::Response::SeeOther(std::string(kConfirmPath) + "?terug=" + encoded);
}

std::optional<http::Response> RequireRecentAuth(const AppContext& app, const http::Request& request,
                                                const StaffSession& staff) {
  std::string here = request.query.empty() ? request.path : request.path + "?" + request.query;
  return RequireRecentAuth(app, staff, here);
}

std::string StaffHome(StaffRole role) {
  if (Allows(role, Permission::kReadCases)) return kReportsPath;
  if (Allows(role, Permission::kViewFigures)) return kStaffFiguresPath;
  return kBureausPath;
}

}  // namespace meldpunt::web
