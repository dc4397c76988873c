#pragma once
// The languages of the site for the system admin (/medewerkers/talen, issue 15): per catalog its
// native name, direction, whether staff pages use it, how many of the public messages it
// translates, and who reviewed it and when ("not reviewed" when nobody has yet).
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/talen
http::Response StaffLanguagesPage(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
