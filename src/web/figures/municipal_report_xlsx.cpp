#include "web/figures/municipal_report_xlsx.hpp"

#include "domain/date.hpp"
#include "web/figures/how_we_count.hpp"
#include "web/figures/municipal_report_view.hpp"

namespace meldpunt::web {
namespace {

using exports::XlsxCell;
using exports::XlsxSheet;

XlsxCell Text(std::string text, bool bold = false) { return XlsxCell{std::move(text), bold}; }

// A number as a number when shown; "< 5" or "x" as text otherwise, as the CSV has it.
XlsxCell Figure(const FigureCell& cell, bool current, long long threshold, bool bold) {
  CellState state = current ? cell.current_state : cell.previous_state;
  if (state != CellState::kShown) return Text(CellText(cell, current, threshold), bold);
  return XlsxCell{current ? cell.current : cell.previous, bold};
}

XlsxCell Change(const FigureCell& cell, bool bold) {
  if (!cell.change_shown()) return XlsxCell{{}, bold};
  return XlsxCell{cell.change(), bold};
}

const char* SheetName(std::string_view population) {
  return population == kPopulationIncident ? N_("Incidents in the municipality")
                                           : N_("Reports by residents");
}

XlsxSheet AboutSheet(const AppContext& app, Lang lang, const MunicipalReport& report,
                     long long threshold, long long now) {
  const auto& t = app.translator;
  auto tr = [&](const char* msgid) { return t.Get(lang, msgid); };
  const auto& query = report.query;
  XlsxSheet sheet{tr(N_("About these figures")), {}, {26, 110}};
  auto line = [&](const char* label, XlsxCell value) {
    sheet.rows.push_back({Text(tr(label), true), std::move(value)});
  };
  sheet.rows.push_back({Text(tr(N_("Municipal report")) + " " + report.municipality_name + " " +
                                 std::to_string(query.year),
                             true)});
  sheet.rows.push_back({});
  line(N_("Municipality"), Text(report.municipality_name + " (" + query.municipality + ")"));
  line(N_("Year"), XlsxCell{static_cast<long long>(query.year)});
  line(N_("Previous year"), XlsxCell{static_cast<long long>(query.year - 1)});
  line(N_("What is counted"),
       Text(tr(N_("Reports about incidents in the municipality, split by where the reporter "
                  "lives, and reports by its residents, split by where the incident was (online "
                  "included). Reports registered under a municipality that has since merged count "
                  "for today's municipality."))));
  line(N_("Count by the year of"),
       Text(query.by == FiguresYear::kIncident ? tr(N_("the incident")) : tr(N_("the report"))));
  line(N_("Mass reports"),
       Text(query.with_mass
                ? tr(N_("These figures include the reports linked to a mass-report event."))
                : tr(N_("These figures leave out the reports linked to a mass-report event."))));
  line(N_("Small numbers"),
       Text(tr(N_("A count under the threshold shows as \"< 5\"; a count shown as \"x\" is "
                  "hidden so that the small numbers cannot be worked out from the totals. The "
                  "change is given only where both years are shown."))));
  line(N_("Threshold"), XlsxCell{threshold});
  line(N_("Several grounds"),
       Text(tr(N_("A report counts once in the total. A report with several grounds or "
                  "handlings counts once for each of them, so the rows can add up to more than "
                  "the total.")) +
            " " + tr(kSubGroundsNote)));
  line(N_("How we count"), Text(HowWeCountUrl(app)));
  line(N_("Made on"), Text(FormatIsoDate(DateOfUnixSeconds(now))));
  return sheet;
}

}  // namespace

std::vector<XlsxSheet> MunicipalReportSheets(const AppContext& app, Lang lang,
                                             const MunicipalReport& report, long long threshold,
                                             long long now) {
  const auto& t = app.translator;
  std::vector<XlsxSheet> sheets{AboutSheet(app, lang, report, threshold, now)};
  int year = report.query.year;
  for (const auto& table : report.tables) {
    if (sheets.size() == 1 || sheets.back().name != t.Get(lang, SheetName(table.population)))
      sheets.push_back(
          XlsxSheet{t.Get(lang, SheetName(table.population)), {}, {24, 48, 10, 10, 10}});
    auto& rows = sheets.back().rows;
    if (!rows.empty()) rows.push_back({});
    rows.push_back({Text(TableCaption(app, lang, table), true)});
    rows.push_back({Text(t.Get(lang, N_("Code")), true), Text(t.Get(lang, N_("Row")), true),
                    Text(std::to_string(year), true), Text(std::to_string(year - 1), true),
                    Text(t.Get(lang, N_("Difference")), true)});
    for (const auto& row : table.rows) {
      rows.push_back({Text(row.code), Text(FigureRowLabel(app, lang, table, row.code)),
                      Figure(row.cell, true, threshold, false),
                      Figure(row.cell, false, threshold, false), Change(row.cell, false)});
    }
    rows.push_back({Text(std::string(kRowTotal), true),
                    Text(t.Get(lang, N_("Total (each report once)")), true),
                    Figure(table.total, true, threshold, true),
                    Figure(table.total, false, threshold, true), Change(table.total, true)});
  }
  return sheets;
}

std::string MunicipalReportXlsx(const AppContext& app, Lang lang, const MunicipalReport& report,
                                long long threshold, long long now) {
  return exports::WriteXlsx(MunicipalReportSheets(app, lang, report, threshold, now));
}

}  // namespace meldpunt::web
