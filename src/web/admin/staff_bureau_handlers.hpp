#pragma once
// Bureaus and their working areas (/medewerkers/bureaus), for the system admin; and handing a
// case over to another bureau (POST /medewerkers/meldingen/{id}/overdragen), for a bureau admin.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/bureaus
http::Response StaffBureausPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/bureaus (a new bureau) and POST /medewerkers/bureaus/gebied (municipalities
// added to a bureau's working area).
http::Response StaffBureausAction(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/meldingen/{id}/overdragen (the case: FindCase)
http::Response MoveReportToBureau(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
