#pragma once
// The dashboard (domain/dashboard.hpp) as template data: per table a heading, an SVG chart
// (web/svg_chart.hpp) and the same numbers as an HTML table. A suppressed number shows as "< 5"
// or "x" in both, as in the municipal report.
#include "domain/dashboard.hpp"
#include "web/app.hpp"
#include "web/i18n.hpp"
#include "web/templates.hpp"

namespace meldpunt::web {

// sections: id, heading, chart (SVG markup), rows (code, label, count, absent), total,
// multiple_per_report.
TemplateData DashboardData(const AppContext& app, Lang lang, const Dashboard& dashboard,
                           long long threshold);

}  // namespace meldpunt::web
