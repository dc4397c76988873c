#pragma once
// Server-side permission checks for every staff request: the role must allow the action
// (domain/staff_role.hpp) and a case must belong to the staff member's own bureau.
#include <optional>
#include <string>
#include <string_view>

#include "domain/staff_role.hpp"
#include "http/message.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// The signed-in staff member who may do this, or the response that refuses: the login page when
// nobody is signed in; 403 when the role does not allow it, which goes on the audit record.
struct StaffAccess {
  std::optional<StaffSession> staff;
  std::optional<http::Response> refusal;
};
StaffAccess RequireStaff(const AppContext& app, const http::Request& request,
                         Permission permission);

// Whether the report belongs to the staff member's bureau.
bool CaseVisibleTo(const StaffSession& staff, const RegisteredReport& report);

// A report by id when it exists and belongs to the staff member's bureau. A report of another
// bureau is answered as if it did not exist, and the attempt goes on the audit record.
std::optional<RegisteredReport> VisibleReport(const AppContext& app, const StaffSession& staff,
                                              long long report_id);

// Where a staff member lands after login: the first page their role may open.
std::string StaffHome(StaffRole role);

// Re-authentication (opnieuw bevestigen) before an export of personal data or another sensitive
// action: nullopt when the staff member entered their password and second factor within the
// last --reauth-minutes (at login or at the confirm page); otherwise a 303 to
// /medewerkers/bevestigen?terug=<this request's path and query>, which asks for both and then
// sends the browser back there (GET). Call it after RequireStaff, before anything is read:
//
//   auto access = RequireStaff(app, request, Permission::kExportPersonalData);
//   if (!access.staff) return *access.refusal;
//   if (auto confirm = RequireRecentAuth(app, request, *access.staff)) return *confirm;
//
// For a POST, pass the page to come back to (the page with the form), as a GET cannot repeat it.
std::optional<http::Response> RequireRecentAuth(const AppContext& app, const http::Request& request,
                                                const StaffSession& staff);
std::optional<http::Response> RequireRecentAuth(const AppContext& app, const StaffSession& staff,
                                                const std::string& return_to);

// A path to send a staff member back to after confirming: a local path under /medewerkers/ with
// an optional query, nothing that could lead to another site; nullopt otherwise.
std::optional<std::string> SafeReturnPath(std::string_view path);

}  // namespace meldpunt::web
