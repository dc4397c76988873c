#pragma once
// The municipal yearly report as an XLSX workbook: a sheet "Toelichting" (About) saying what is
// counted and how small numbers are hidden, then one sheet per population (incidents in the
// municipality; reports by its residents) with its tables one below the other. Numbers are
// numbers; a suppressed cell is the text "< 5" or "x", exactly as in the CSV.
#include <string>
#include <string_view>
#include <vector>

#include "domain/figures/figures.hpp"
#include "exports/xlsx_writer.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

inline constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The sheets, for tests and for outputs that combine them.
std::vector<exports::XlsxSheet> MunicipalReportSheets(const AppContext& app, Lang lang,
                                                      const MunicipalReport& report,
                                                      long long threshold, long long now);
// The workbook's bytes.
std::string MunicipalReportXlsx(const AppContext& app, Lang lang, const MunicipalReport& report,
                                long long threshold, long long now);

}  // namespace meldpunt::web
