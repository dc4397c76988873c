#pragma once
// Staff accounts of a bureau (/medewerkers/medewerkers), for those who manage staff: who has an
// account, their role, whether they set up their second factor, when they last logged in; adding
// an account; and resetting a colleague's second factor when they lost their phone and their
// recovery codes. A bureau's administrator sees and changes their own bureau's accounts only; a
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

}  // namespace meldpunt::web
