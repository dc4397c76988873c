#pragma once
// The dashboard (domain/figures/dashboard.hpp) as template data: per table a heading, an SVG chart
// (web/common/svg_chart.hpp) and the same numbers as an HTML table. A suppressed number shows as "<
// 5" or "x" in both, as in the municipal report.
#include "domain/figures/dashboard.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"
#include "web/common/svg_chart.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// sections: id, heading, chart (SVG markup), rows (code, label, count, absent), total,
// multiple_per_report.
// A chart's text alternative: the count, the largest shown item, and that the table beside it
// has every number. Also used by the municipal report's charts.
std::string ChartDescription(const AppContext& app, Lang lang, const std::string& total_text,
                             const std::vector<ChartItem>& items);

TemplateData DashboardData(const AppContext& app, Lang lang, const Dashboard& dashboard,
                           long long threshold);

}  // namespace meldpunt::web
