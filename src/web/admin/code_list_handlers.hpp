#pragma once
// The code lists for the system admin (/medewerkers/codelijsten): every list with its built-in
// and added codes and their versions, a form to add a code and buttons to retire added ones.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/codelijsten
http::Response StaffCodeListsPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/codelijsten (add) and POST /medewerkers/codelijsten/intrekken (retire)
http::Response StaffCodeListsAction(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
