#include "web/figures/municipal_report_view.hpp"

#include "domain/figures/counting.hpp"
#include "domain/figures/population.hpp"
#include "web/cases/case_labels.hpp"
#include "web/common/csv.hpp"
#include "web/common/pages.hpp"
#include "web/figures/dashboard_view.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

const char* PopulationTitle(std::string_view population) {
  return population == kPopulationIncident ? N_("Reports about incidents in the municipality")
                                           : N_("Reports by residents of the municipality");
}

const char* DimensionTitle(std::string_view dimension) {
  if (dimension == "ground") return N_("by ground");
  if (dimension == "domain") return N_("by domain");
  if (dimension == "nature") return N_("by nature");
  if (dimension == "handling") return N_("by handling");
  return N_("overview");
}

// "Racism against Black people" -> "racism against Black people", to follow "of which". Only a
// capital followed by a small letter: an abbreviation (a code of a later list) stays as it is.
std::string LowerFirst(std::string label) {
  if (label.size() > 1 && label[0] >= 'A' && label[0] <= 'Z' && label[1] >= 'a' && label[1] <= 'z')
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  return label;
}

TemplateData CellData(const FigureCell& cell, long long threshold) {
  TemplateData data;
  data.set("current", CellText(cell, true, threshold));
  data.set("previous", CellText(cell, false, threshold));
  data.set("change", ChangeText(cell));
  data.set("current_hidden", Bool(cell.current_state == CellState::kHidden));
  data.set("previous_hidden", Bool(cell.previous_state == CellState::kHidden));
  return data;
}

}  // namespace

std::string FigureRowLabel(const AppContext& app, Lang lang, const FigureTable& table,
                           const std::string& code) {
  const auto& t = app.translator;
  if (table.dimension == "ground") {
    std::string label = LabelOf(app, lang, GroundLabels(), code);
    if (!IsSubGround(code)) return label;
    return FillIn(t.Get(lang, N_("of which {ground}")), "{ground}", LowerFirst(std::move(label)));
  }
  if (table.dimension == "domain") return LabelOf(app, lang, DomainLabels(), code);
  if (table.dimension == "nature") return LabelOf(app, lang, NatureLabels(), code);
  if (table.dimension == "handling") {
    if (code == kHandlingOpen) return t.Get(lang, N_("Not closed yet"));
    return LabelOf(app, lang, HandlingLabels(), code);
  }
  if (code == kRowResidents) return t.Get(lang, N_("Reporter lives in the municipality"));
  if (code == kRowNonResidents) return t.Get(lang, N_("Reporter lives elsewhere or unknown"));
  if (code == kRowIncidentHere) return t.Get(lang, N_("Incident in the municipality"));
  if (code == kRowIncidentElsewhere) return t.Get(lang, N_("Incident elsewhere or online"));
  return code;
}

bool FigureRowIsPart(const FigureTable& table, const std::string& code) {
  return table.dimension == "ground" && IsSubGround(code);
}

std::string TableCaption(const AppContext& app, Lang lang, const FigureTable& table) {
  return app.translator.Get(lang, PopulationTitle(table.population)) + ", " +
         app.translator.Get(lang, DimensionTitle(table.dimension));
}

std::string PopulationHeading(const AppContext& app, Lang lang, const FigureTable& table) {
  return app.translator.Get(lang, PopulationTitle(table.population));
}

namespace {

// The total of a summary table per 1,000 inhabitants, this year's and the previous year's, or
// empty where the population is not known or the total is not shown.
struct RateTexts {
  std::string current;
  std::string previous;
  bool any() const { return !current.empty() || !previous.empty(); }
};

RateTexts RatesOf(const MunicipalReport& report, const FigureTable& table, Lang lang) {
  if (table.dimension != "summary") return {};
  char mark = DecimalMark(lang);
  auto text = [&](bool current) {
    auto tenths = CellRateTenths(table.total, current,
                                 current ? report.population_current : report.population_previous);
    return tenths ? FormatTenths(*tenths, mark) : std::string();
  };
  return {text(true), text(false)};
}

}  // namespace

char DecimalMark(Lang lang) { return lang == Lang::kNl ? ',' : '.'; }

std::string CellText(const FigureCell& cell, bool current, long long threshold) {
  switch (current ? cell.current_state : cell.previous_state) {
    case CellState::kBelowThreshold:
      return "< " + std::to_string(threshold);
    case CellState::kHidden:
      return std::string(kHiddenCellText);
    case CellState::kShown:
      break;
  }
  return std::to_string(current ? cell.current : cell.previous);
}

std::string ChangeText(const FigureCell& cell) {
  if (!cell.change_shown()) return "";
  long long change = cell.change();
  return change > 0 ? "+" + std::to_string(change) : std::to_string(change);
}

std::string ChangeNumber(const FigureCell& cell) {
  return cell.change_shown() ? std::to_string(cell.change()) : std::string();
}

TemplateData MunicipalReportData(const AppContext& app, Lang lang, const MunicipalReport& report,
                                 long long threshold) {
  kainjow::mustache::list tables;
  for (size_t i = 0; i < report.tables.size(); ++i) {
    const auto& table = report.tables[i];
    TemplateData item;
    item.set("id", table.population + "-" + table.dimension);
    item.set("caption", TableCaption(app, lang, table));
    item.set("first_of_population",
             Bool(i == 0 || report.tables[i - 1].population != table.population));
    item.set("population_title", PopulationHeading(app, lang, table));
    item.set("population", table.population);
    item.set("is_ground", Bool(table.dimension == "ground"));
    kainjow::mustache::list rows;
    // A bar chart of this year's numbers beside the table (a suppressed number has no bar).
    Chart chart;
    chart.id = "chart-" + table.population + "-" + table.dimension;
    chart.title = TableCaption(app, lang, table) + ", " + std::to_string(report.query.year);
    for (const auto& row : table.rows) {
      TemplateData r = CellData(row.cell, threshold);
      r.set("code", row.code);
      std::string label = FigureRowLabel(app, lang, table, row.code);
      r.set("label", label);
      r.set("part", Bool(FigureRowIsPart(table, row.code)));
      rows.push_back(r);
      chart.items.push_back({label, row.cell.current, row.cell.current_state == CellState::kShown,
                             CellText(row.cell, true, threshold)});
    }
    chart.description =
        ChartDescription(app, lang, CellText(table.total, true, threshold), chart.items);
    item.set("chart", BarChartSvg(chart));
    item.set("rows", rows);
    item.set("total", CellData(table.total, threshold));
    RateTexts rates = RatesOf(report, table, lang);
    item.set("has_rate", Bool(rates.any()));
    item.set("rate_current", rates.current);
    item.set("rate_previous", rates.previous);
    tables.push_back(item);
  }
  TemplateData data;
  data.set("tables", tables);
  return data;
}

std::string MunicipalReportCsv(const AppContext& app, Lang lang, const MunicipalReport& report,
                               long long threshold) {
  const auto& t = app.translator;
  int year = report.query.year;
  std::string csv(kUtf8Bom);
  csv += CsvRow({t.Get(lang, N_("Municipality")), t.Get(lang, N_("Table")), t.Get(lang, N_("Code")),
                 t.Get(lang, N_("Row")), std::to_string(year), std::to_string(year - 1),
                 t.Get(lang, N_("Difference"))});
  for (const auto& table : report.tables) {
    std::string name = table.population + "." + table.dimension;
    auto line = [&](const std::string& code, const std::string& label, const FigureCell& cell) {
      csv += CsvRow({report.query.municipality, name, code, label, CellText(cell, true, threshold),
                     CellText(cell, false, threshold), ChangeNumber(cell)});
    };
    for (const auto& row : table.rows)
      line(row.code, FigureRowLabel(app, lang, table, row.code), row.cell);
    line(std::string(kRowTotal), t.Get(lang, N_("Total (each report once)")), table.total);
    // Only where a population is known, so the CSV keeps its shape for everyone else.
    if (RateTexts rates = RatesOf(report, table, lang); rates.any()) {
      csv += CsvRow({report.query.municipality, name, std::string(kRowPer1000),
                     t.Get(lang, N_("Per 1,000 inhabitants")), rates.current, rates.previous, ""});
    }
  }
  return csv;
}

}  // namespace meldpunt::web
