#include "web/figures/public_figures_view.hpp"

#include <algorithm>

#include "web/common/csv.hpp"
#include "web/common/locale_format.hpp"
#include "web/common/pages.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

std::string RateText(const FigureCell& cell, std::optional<long long> population, Lang lang) {
  auto tenths = CellRateTenths(cell, true, population);
  return tenths ? FormatTenths(*tenths, DecimalMark(lang)) : std::string();
}

// The rate as the page's language writes it (the CSV keeps RateText's plain form).
std::string PageRateText(const FigureCell& cell, std::optional<long long> population, Lang lang) {
  auto tenths = CellRateTenths(cell, true, population);
  return tenths ? FormatDecimalTenths(lang, *tenths) : std::string();
}

// A shown count with the language's grouping (issue 15); "x" and "< 5" stay as they are.
std::string CountText(Lang lang, std::string text) {
  bool digits = !text.empty() && text.size() < 19 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? FormatCount(lang, std::stoll(text)) : text;
}

// The numbers of one cell under a prefix: {prefix}_current, _previous, _change, _rate.
void SetCell(TemplateData& data, Lang lang, const std::string& prefix, const FigureCell& cell,
             long long threshold, const std::string& rate = "") {
  data.set(prefix + "_current", CountText(lang, CellText(cell, true, threshold)));
  data.set(prefix + "_previous", CountText(lang, CellText(cell, false, threshold)));
  data.set(prefix + "_change", ChangeText(cell));
  data.set(prefix + "_rate", rate);
}

}  // namespace

TemplateData PublicFiguresData(const AppContext& app, Lang lang, const PublicFigures& figures,
                               long long threshold) {
  kainjow::mustache::list areas;
  for (size_t i = 0; i < figures.areas.size(); ++i) {
    const auto& area = figures.areas[i];
    kainjow::mustache::list rows;
    for (const auto& row : area.rows) {
      TemplateData r;
      r.set("code", row.code);
      r.set("name", row.name);
      SetCell(r, lang, "incidents", row.incidents, threshold,
              PageRateText(row.incidents, row.population, lang));
      SetCell(r, lang, "residents", row.residents, threshold,
              PageRateText(row.residents, row.population, lang));
      rows.push_back(r);
    }
    TemplateData item;
    item.set("id", "area-" + std::to_string(i + 1));
    item.set("bureau", area.bureau);
    item.set("rows", rows);
    TemplateData total;
    SetCell(total, lang, "incidents", area.incidents_total, threshold);
    SetCell(total, lang, "residents", area.residents_total, threshold);
    item.set("total", total);
    areas.push_back(item);
  }
  kainjow::mustache::list grounds;
  for (const auto& row : figures.grounds.rows) {
    TemplateData r;
    r.set("code", row.code);
    r.set("label", FigureRowLabel(app, lang, figures.grounds, row.code));
    r.set("part", Bool(FigureRowIsPart(figures.grounds, row.code)));
    SetCell(r, lang, "ground", row.cell, threshold);
    grounds.push_back(r);
  }
  TemplateData total;
  SetCell(total, lang, "ground", figures.grounds.total, threshold);
  TemplateData data;
  data.set("year", std::to_string(figures.year));
  data.set("previous_year", std::to_string(figures.year - 1));
  data.set("areas", areas);
  data.set("has_areas", Bool(!areas.empty()));
  data.set("grounds", grounds);
  data.set("grounds_total", total);
  data.set("threshold", std::to_string(threshold));
  return data;
}

std::string PublicFiguresCsv(const AppContext& app, Lang lang, const PublicFigures& figures,
                             long long threshold) {
  const auto& t = app.translator;
  std::string year = std::to_string(figures.year);
  std::string csv(kUtf8Bom);
  csv += CsvRow({t.Get(lang, N_("Table")), t.Get(lang, N_("Working area")), t.Get(lang, N_("Code")),
                 t.Get(lang, N_("Row")), year, std::to_string(figures.year - 1),
                 t.Get(lang, N_("Difference")),
                 t.Get(lang, N_("Per 1,000 inhabitants")) + " " + year});
  auto line = [&](const char* table, const std::string& area, const std::string& code,
                  const std::string& label, const FigureCell& cell, const std::string& rate) {
    csv += CsvRow({table, area, code, label, CellText(cell, true, threshold),
                   CellText(cell, false, threshold), ChangeNumber(cell), rate});
  };
  for (const char* table : {"incidents", "residents"}) {
    bool incidents = std::string_view(table) == "incidents";
    for (const auto& area : figures.areas) {
      for (const auto& row : area.rows) {
        const FigureCell& cell = incidents ? row.incidents : row.residents;
        line(table, area.bureau, row.code, row.name, cell, RateText(cell, row.population, lang));
      }
      line(table, area.bureau, std::string(kRowTotal), t.Get(lang, N_("Working area")),
           incidents ? area.incidents_total : area.residents_total, "");
    }
  }
  for (const auto& row : figures.grounds.rows)
    line("grounds", "", row.code, FigureRowLabel(app, lang, figures.grounds, row.code), row.cell,
         "");
  line("grounds", "", std::string(kRowTotal), t.Get(lang, N_("Total (each report once)")),
       figures.grounds.total, "");
  return csv;
}

}  // namespace meldpunt::web
