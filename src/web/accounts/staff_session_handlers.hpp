#pragma once
// A staff member's own sessions (/medewerkers/sessies): where they are logged in, with a button
// to end any other one or all others; and the confirm page (/medewerkers/bevestigen) that asks
// for the password and second factor again before exports (RequireRecentAuth).
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// Any signed-in staff member (routes with no permission: their own sessions).
http::Response StaffSessionsPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/sessies/beeindigen (one, field "session") and …/andere-beeindigen (all others).
http::Response StaffSessionsAction(const AppContext& app, const StaffRequest& req);
http::Response StaffConfirmPage(const AppContext& app, const StaffRequest& req);
http::Response StaffConfirm(const AppContext& app, const StaffRequest& req);

// POST /medewerkers/uitloggen: ends this session and goes back to the login page. A public form:
// it works without a (live) session too.
http::Response StaffLogout(const AppContext& app, const FormRequest& req);

}  // namespace meldpunt::web
