#include "web/figures/dashboard_view.hpp"

#include "web/cases/case_labels.hpp"
#include "web/common/pages.hpp"
#include "web/common/svg_chart.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

const char* Heading(std::string_view dimension) {
  if (dimension == kDimensionMonth) return N_("Reports per month");
  if (dimension == "ground") return N_("By ground");
  if (dimension == "domain") return N_("By domain");
  if (dimension == "nature") return N_("By nature");
  if (dimension == "handling") return N_("By handling");
  return N_("By municipality where it happened");
}

// Codes of the lists are labelled as in the municipal report (FigureRowLabel); months and
// municipalities are the dashboard's own rows.
std::string RowLabel(const AppContext& app, Lang lang, const FigureTable& table,
                     const std::string& code) {
  if (table.dimension == kDimensionMonth) return code;
  if (table.dimension != kDimensionMunicipality) return FigureRowLabel(app, lang, table, code);
  if (code == kRowOutsideArea)
    return app.translator.Get(lang, N_("A municipality outside the area"));
  return MunicipalityLabel(app, lang, code);
}

}  // namespace

std::string ChartDescription(const AppContext& app, Lang lang, const std::string& total_text,
                             const std::vector<ChartItem>& items) {
  const auto& t = app.translator;
  std::string text = t.Get(lang, N_("Reports counted:")) + " " + total_text + ".";
  const ChartItem* largest = nullptr;
  for (const auto& item : items) {
    if (item.shown && item.value > 0 && (!largest || item.value > largest->value)) largest = &item;
  }
  if (largest) {
    text += " " + t.Get(lang, N_("Largest:")) + " " + largest->label + " (" + largest->text + ").";
  }
  return text + " " + t.Get(lang, N_("The table with the chart has every number."));
}

TemplateData DashboardData(const AppContext& app, Lang lang, const Dashboard& dashboard,
                           long long threshold) {
  kainjow::mustache::list sections;
  for (const auto& table : dashboard.tables) {
    TemplateData section;
    std::string heading = app.translator.Get(lang, Heading(table.dimension));
    section.set("id", table.dimension);
    section.set("heading", heading);
    Chart chart;
    chart.id = "chart-" + table.dimension;
    chart.title = heading;
    kainjow::mustache::list rows;
    for (const auto& row : table.rows) {
      ChartItem item;
      item.label = RowLabel(app, lang, table, row.code);
      item.value = row.cell.current;
      item.shown = row.cell.current_state == CellState::kShown;
      item.text = CellText(row.cell, true, threshold);
      TemplateData r;
      r.set("code", row.code);
      r.set("label", item.label);
      r.set("count", item.text);
      r.set("part", Bool(FigureRowIsPart(table, row.code)));
      rows.push_back(r);
      chart.items.push_back(std::move(item));
    }
    chart.description =
        ChartDescription(app, lang, CellText(table.total, true, threshold), chart.items);
    section.set("chart",
                table.dimension == kDimensionMonth ? ColumnChartSvg(chart) : BarChartSvg(chart));
    section.set("rows", rows);
    section.set("total", CellText(table.total, true, threshold));
    section.set("multiple_per_report", Bool(table.multiple_per_report));
    section.set("is_ground", Bool(table.dimension == "ground"));
    sections.push_back(section);
  }
  TemplateData data;
  data.set("sections", sections);
  data.set("total",
           dashboard.tables.empty() ? "0" : CellText(dashboard.tables[0].total, true, threshold));
  return data;
}

}  // namespace meldpunt::web
