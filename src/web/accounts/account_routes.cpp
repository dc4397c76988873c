// The routes of accounts/: logging in (password, second factor, enrolment), logging out, a staff
// member's own sessions and the confirm page, and managing staff accounts.
#include "web/accounts/staff_login_handlers.hpp"
#include "web/accounts/staff_session_handlers.hpp"
#include "web/accounts/staff_user_handlers.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddAccountRoutes(RouteTable& routes) {
  using http::Method;
  // Logging in: nobody is signed in yet, so these are public pages and forms; the half-login
  // cookie (staff_login_state.hpp) says how far the login got.
  routes.AddPublic(Method::kGet, kStaffLoginPath, StaffLoginPage);
  routes.AddForm(kStaffLoginPath, StaffLogin);
  routes.AddPublic(Method::kGet, kSecondFactorPath, StaffSecondFactorPage);
  routes.AddForm(kSecondFactorPath, StaffSecondFactor);
  routes.AddPublic(Method::kGet, kEnrolPath, StaffEnrolPage);
  routes.AddForm(kEnrolPath, StaffEnrol);
  // Logging out works without a live session too (it only clears the cookie then).
  routes.AddForm(kLogoutPath, StaffLogout);

  // A staff member's own sessions and the confirm page: any signed-in staff member.
  routes.AddStaff(Method::kGet, kSessionsPath, std::nullopt, StaffSessionsPage);
  routes.AddStaff(Method::kPost, kEndSessionPath, std::nullopt, StaffSessionsAction);
  routes.AddStaff(Method::kPost, kEndOtherSessionsPath, std::nullopt, StaffSessionsAction);
  routes.AddStaff(Method::kGet, kConfirmPath, std::nullopt, StaffConfirmPage);
  routes.AddStaff(Method::kPost, kConfirmPath, std::nullopt, StaffConfirm);

  // Staff accounts. Adding one, resetting a second factor, deactivating or reactivating one and
  // changing its role ask for the password and second factor again, and come back to the
  // accounts page.
  routes.AddStaff(Method::kGet, kStaffUsersPath, Permission::kManageStaff, StaffUsersPage);
  routes.AddStaff(Method::kPost, kStaffUsersPath, Permission::kManageStaff, StaffUsersAdd,
                  {.recent_auth = true, .confirm_return = kStaffUsersPath});
  routes.AddStaff(Method::kPost, kResetSecondFactorPath, Permission::kManageStaff,
                  StaffUserResetSecondFactor,
                  {.recent_auth = true, .confirm_return = kStaffUsersPath});
  routes.AddStaff(Method::kPost, kStaffUserStatusPath, Permission::kManageStaff, StaffUserSetStatus,
                  {.recent_auth = true, .confirm_return = kStaffUsersPath});
  routes.AddStaff(Method::kPost, kStaffUserRolePath, Permission::kManageStaff, StaffUserChangeRole,
                  {.recent_auth = true, .confirm_return = kStaffUsersPath});
  // Moving an account to another bureau is managing bureaus (a system administrator's), not only
  // staff: a bureau's administrator cannot hand a colleague to another bureau.
  routes.AddStaff(Method::kPost, kStaffUserBureauPath, Permission::kManageBureaus,
                  StaffUserChangeBureau, {.recent_auth = true, .confirm_return = kStaffUsersPath});

  // /medewerkers itself: the list of reports.
  routes.AddPublic(
      Method::kGet, kStaffHomePath,
      [](const http::Request&) { return http::Response::SeeOther(kReportsPath); },
      http::Runs::kOnIoThread);
}

}  // namespace meldpunt::web
