#pragma once
// Staff accounts of a bureau (/medewerkers/medewerkers), for those who manage staff: who has an
// account, their role, whether they set up their second factor, when they last logged in; adding
// an account; and resetting a colleague's second factor when they lost their phone and their
// recovery codes. A bureau's administrator sees and changes their own bureau's accounts only; a
// system administrator sees every account.
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr const char* kStaffUsersPath = "/medewerkers/medewerkers";

http::Response StaffUsersPage(const AppContext& app, const http::Request& request);
// POST /medewerkers/medewerkers: add an account.
http::Response StaffUsersAdd(const AppContext& app, const http::Request& request);
// POST /medewerkers/medewerkers/{id}/tweede-stap-herstellen
http::Response StaffUserResetSecondFactor(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
