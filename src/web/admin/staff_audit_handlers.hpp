#pragma once
// The audit log for a bureau admin (inzagelog): who read, searched, changed or exported what in
// the bureau, filtered, paged, and exported as CSV. Viewing and exporting are audited too.
#include <string>

#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// GET /medewerkers/inzagelog?melding=&medewerker=&actie=&van=&tot=&pagina= (and &formaat=csv).
http::Response StaffAuditLogPage(const AppContext& app, const http::Request& request);
// GET /medewerkers/inzagelog.csv with the same filters.
http::Response StaffAuditLogCsv(const AppContext& app, const http::Request& request);

// The log filtered on one case ("who saw this case"), for a link from the case page.
std::string AuditLogPathForCase(const std::string& reference);

}  // namespace meldpunt::web
