#pragma once
// The list of reports as CSV (GET /medewerkers/meldingen.csv, issue 14): the same filters and
// order as the page (the same query string; worklist_query.hpp), the first kMaxExportRows rows,
// built in one go from one id query and chunked row reads (no query per row). One audit entry
// with the filter and the number of rows. The contact's name, e-mail address and phone number
// and the description only for roles with Permission::kExportPersonalData (coordinator, bureau
// administrator); a handler or intake colleague gets the other columns.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

inline constexpr int kMaxExportRows = 10'000;

http::Response StaffReportsCsv(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
