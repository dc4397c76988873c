#include "web/figures/municipal_report_pdf.hpp"

#include "web/common/pages.hpp"
#include "web/figures/how_we_count.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/figures/pdf/report_document.hpp"

namespace meldpunt::web {

Result<std::string> RenderMunicipalReportPdf(const AppContext& app, Lang lang,
                                             const MunicipalReport& report, long long threshold,
                                             bool suppressed) {
  const auto& t = app.translator;
  const FiguresQuery& query = report.query;
  std::string year = std::to_string(query.year);
  std::string previous = std::to_string(query.year - 1);
  figures_pdf::ReportPdfTexts texts;
  texts.language = lang == Lang::kNl ? "nl" : "en";
  texts.title = t.Get(lang, N_("Municipal report")) + " " + report.municipality_name + " (" +
                query.municipality + ") " + year;
  texts.introduction.push_back(
      t.Get(lang, query.by == FiguresYear::kIncident
                      ? N_("Counted by the year in which the incident took place.")
                      : N_("Counted by the year in which the report was made.")) +
      " " + t.Get(lang, N_("Beside each number: the previous year and the change.")));
  texts.introduction.push_back(
      t.Get(lang, query.with_mass
                      ? N_("These figures include the reports linked to a mass-report event.")
                      : N_("These figures leave out the reports linked to a mass-report event.")));
  if (query.with_mass && !suppressed && (report.mass_current > 0 || report.mass_previous > 0)) {
    texts.introduction.push_back(
        t.Get(lang, N_("Reports linked to a mass-report event among them:")) + " " + year + ": " +
        std::to_string(report.mass_current) + ", " + previous + ": " +
        std::to_string(report.mass_previous));
  }
  texts.introduction.push_back(t.Get(lang, N_("How we count, in plain words")) + ": " +
                               HowWeCountUrl(app));
  if (suppressed) {
    texts.suppression_note = t.Get(
        lang, N_("Numbers under 5 show as “< 5”. A number shown as x is hidden so that the small "
                 "numbers cannot be worked out from the totals. Neither has a bar in the chart."));
  }
  texts.footer = texts.title;
  texts.page = t.Get(lang, N_("Page"));
  texts.column_current = year;
  texts.column_previous = previous;
  texts.column_change = t.Get(lang, N_("Difference"));
  texts.column_chart = t.Get(lang, N_("Chart")) + " " + year;
  texts.total = t.Get(lang, N_("Total (each report once)"));
  texts.several_per_report =
      t.Get(lang, N_("A report counts once in the total. A report with several grounds or "
                     "handlings counts once for each of them, so the rows can add up to more "
                     "than the total."));
  texts.sub_grounds = t.Get(lang, kSubGroundsNote);
  texts.not_shown = t.Get(lang, N_("not shown"));
  texts.population_title = [&](const FigureTable& table) {
    return PopulationHeading(app, lang, table);
  };
  texts.caption = [&](const FigureTable& table) { return TableCaption(app, lang, table); };
  texts.row_label = [&](const FigureTable& table, const std::string& code) {
    return FigureRowLabel(app, lang, table, code);
  };
  texts.row_is_part = [](const FigureTable& table, const std::string& code) {
    return FigureRowIsPart(table, code);
  };
  texts.cell = [&](const FigureCell& cell, bool current) {
    return CellText(cell, current, threshold);
  };
  texts.change = [](const FigureCell& cell) { return ChangeText(cell); };
  return figures_pdf::MunicipalReportPdf(report, texts);
}

}  // namespace meldpunt::web
