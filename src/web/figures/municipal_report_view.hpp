#pragma once
// Renders the municipal yearly report (domain/figures/figures.hpp) as template data for the HTML
// page and as CSV. Both show a cell as its number, "< 5" (kBelowThreshold) or "x" (kHidden), so
// that the same suppressed report looks the same in every output.
#include <string>

#include "domain/figures/figures.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// Row code of the totals per 1,000 inhabitants in the CSV and on the page.
inline constexpr std::string_view kRowPer1000 = "per_1000";

// The decimal mark of numbers in the language: "2,5" in Dutch, "2.5" in English.
char DecimalMark(Lang lang);

// "< 5" for the default threshold.
inline constexpr std::string_view kHiddenCellText = "x";

// The text of one number of a cell (this year's or the previous year's).
std::string CellText(const FigureCell& cell, bool current, long long threshold);
// The change, signed ("+3", "-1", "0"), or empty when either number is not shown.
std::string ChangeText(const FigureCell& cell);
// The same as a plain number for files ("3", "-1", "0"), or empty: a CSV cell a spreadsheet reads
// as a number.
std::string ChangeNumber(const FigureCell& cell);

// A table's row label ("Age", "Not closed yet"...), its caption ("Reports about incidents in the
// municipality, by ground") and its population's heading, in `lang`: the same in every output
// (the municipal report's page, CSV, XLSX and PDF, the dashboard, the public page). A sub-ground
// reads as part of its ground: "of which racism against Black people" ("waarvan ...").
std::string FigureRowLabel(const AppContext& app, Lang lang, const FigureTable& table,
                           const std::string& code);
// Whether a row is part of the row above it (a sub-ground under its ground): pages indent it.
bool FigureRowIsPart(const FigureTable& table, const std::string& code);
// The sentence added to the "several grounds" note under every ground table: a ground includes
// its sub-grounds (domain/figures/counting.hpp). Templates carry the same message id.
inline constexpr const char* kSubGroundsNote =
    N_("A ground includes its sub-grounds, the “of which” rows under it: a report about "
       "antisemitism also counts under religion, once.");
std::string TableCaption(const AppContext& app, Lang lang, const FigureTable& table);
std::string PopulationHeading(const AppContext& app, Lang lang, const FigureTable& table);

// tables: caption, population, dimension, rows (code, label, current, previous, change, and
// flags below/hidden for each), total row, multiple_per_report.
TemplateData MunicipalReportData(const AppContext& app, Lang lang, const MunicipalReport& report,
                                 long long threshold);

// One CSV: a header row, then per table its rows and its total, each line naming the table.
std::string MunicipalReportCsv(const AppContext& app, Lang lang, const MunicipalReport& report,
                               long long threshold);

}  // namespace meldpunt::web
