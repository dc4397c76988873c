#pragma once
// The audit log for a bureau admin (inzagelog): who read, searched, changed or exported what in
// the bureau, filtered, paged, and exported as CSV. Viewing and exporting are audited too.
#include <string>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/inzagelog?melding=&medewerker=&actie=&van=&tot=&pagina= (and &formaat=csv,
// which asks for a recent password and second factor first, as the CSV route does).
http::Response StaffAuditLogPage(const AppContext& app, const StaffRequest& req);
// GET /medewerkers/inzagelog.csv with the same filters (its route policy asks for a recent
// password and second factor).
http::Response StaffAuditLogCsv(const AppContext& app, const StaffRequest& req);

// The log filtered on one case ("who saw this case"), for a link from the case page.
std::string AuditLogPathForCase(const std::string& reference);

}  // namespace meldpunt::web
