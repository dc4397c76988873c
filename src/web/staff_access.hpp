#pragma once
// Server-side permission checks for every staff request: the role must allow the action
// (domain/staff_role.hpp) and a case must belong to the staff member's own bureau.
#include <optional>
#include <string>

#include "domain/staff_role.hpp"
#include "http/message.hpp"
#include "store/store.hpp"
#include "web/app.hpp"

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

}  // namespace meldpunt::web
