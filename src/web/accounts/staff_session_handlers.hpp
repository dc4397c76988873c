#pragma once
// A staff member's own sessions (/medewerkers/sessies): where they are logged in, with a button
// to end any other one or all others; and the confirm page (/medewerkers/bevestigen) that asks
// for the password and second factor again before exports (RequireRecentAuth).
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr const char* kSessionsPath = "/medewerkers/sessies";

http::Response StaffSessionsPage(const AppContext& app, const http::Request& request);
// POST /medewerkers/sessies/beeindigen (one, field "session") and …/andere-beeindigen (all others).
http::Response StaffSessionsAction(const AppContext& app, const http::Request& request);
http::Response StaffConfirmPage(const AppContext& app, const http::Request& request);
http::Response StaffConfirm(const AppContext& app, const http::Request& request);

// POST /medewerkers/uitloggen: ends this session and goes back to the login page.
http::Response StaffLogout(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
