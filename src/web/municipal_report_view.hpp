#pragma once
// Renders the municipal yearly report (domain/figures.hpp) as template data for the HTML page and
// as CSV. Both show a cell as its number, "< 5" (kBelowThreshold) or "x" (kHidden), so that the
// same suppressed report looks the same in every output.
#include <string>

#include "domain/figures.hpp"
#include "web/app.hpp"
#include "web/i18n.hpp"
#include "web/templates.hpp"

namespace meldpunt::web {

// "< 5" for the default threshold.
inline constexpr std::string_view kHiddenCellText = "x";

// The text of one number of a cell (this year's or the previous year's).
std::string CellText(const FigureCell& cell, bool current, long long threshold);
// The change, signed ("+3", "-1", "0"), or empty when either number is not shown.
std::string ChangeText(const FigureCell& cell);

// The label of a row of a table, and a table's caption ("Reports about incidents in the
// municipality, by ground"), in the language asked for.
std::string RowLabel(const AppContext& app, Lang lang, const FigureTable& table,
                     const std::string& code);
std::string Caption(const AppContext& app, Lang lang, const FigureTable& table);

// tables: caption, population, dimension, rows (code, label, current, previous, change, and
// flags below/hidden for each), total row, multiple_per_report.
TemplateData MunicipalReportData(const AppContext& app, Lang lang, const MunicipalReport& report,
                                 long long threshold);

// One CSV: a header row, then per table its rows and its total, each line naming the table.
std::string MunicipalReportCsv(const AppContext& app, Lang lang, const MunicipalReport& report,
                               long long threshold);

}  // namespace meldpunt::web
