#pragma once
// The figures dashboard (cijferoverzicht), GET /medewerkers/cijfers/overzicht: a period of months
// (van, tot: YYYY-MM, by default the last 12), an area (gemeente: empty for the whole working
// area) and massa=zonder; charts as SVG beside tables with the same numbers.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

http::Response DashboardPage(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
