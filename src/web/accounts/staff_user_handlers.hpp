#pragma once
// Staff accounts of a bureau (/medewerkers/medewerkers), for those who manage staff: who has an
// account, their role, whether they set up their second factor, when they last logged in; adding
// an account; and resetting a colleague's second factor when they lost their phone and their
// recovery codes; deactivating and reactivating an account and changing its role (issue 14).
// A bureau's administrator sees and changes their own bureau's accounts only; a
// system administrator sees every account.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// Routes for those who may manage staff (Permission::kManageStaff); adding an account and
// resetting a second factor ask for a recent password and second factor (the route policy).
http::Response StaffUsersPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/medewerkers: add an account.
http::Response StaffUsersAdd(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/medewerkers/{id}/tweede-stap-herstellen
http::Response StaffUserResetSecondFactor(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/medewerkers/{id}/status: deactivate (status=inactief) or reactivate
// (status=actief) an account. A deactivated account cannot log in and its sessions end at once;
// the account and its audit entries stay. Nobody deactivates their own account.
http::Response StaffUserSetStatus(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/medewerkers/{id}/rol: give a colleague another of the bureau roles (intake,
// handler, coordinator, bureau administrator); their sessions end, so the new role applies from
// their next login. Not one's own role.
http::Response StaffUserChangeRole(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/medewerkers/{id}/bureau: move a bureau account (bureau=<id>) to another
// bureau (issue 14). Needs kManageBureaus (a system administrator): a bureau's administrator
// manages their own bureau and cannot hand a colleague to another. The account's sessions end.
http::Response StaffUserChangeBureau(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
