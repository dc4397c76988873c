#pragma once
// The figures dashboard (cijferoverzicht), GET /medewerkers/cijfers/overzicht: a period of months
// (van, tot: YYYY-MM, by default the last 12), an area (gemeente: empty for the whole working
// area) and massa=zonder; charts as SVG beside tables with the same numbers.
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr std::string_view kDashboardPath = "/medewerkers/cijfers/overzicht";

http::Response DashboardPage(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
