#pragma once
// The national yearly file (landelijke jaarrapportage) of a year as it leaves the installation:
// every bureau of this installation counted from its reports, the bureaus imported from other
// installations, and the roll-up, suppressed. The download routes (national_figures_handlers) and
// the municipal archive (municipal_archive_handlers) both send it.
#include <string>

#include "domain/figures/national_report.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

// One read of the year's facts, the imports of the year, composed and suppressed; the roll-up's
// municipality rows in the states of the municipal reports (PublishedMunicipalTotals).
NationalFile BuildNationalFile(const AppContext& app, int year);

// This installation's bureaus with their working areas, as the national file counts them.
std::vector<NationalBureau> LocalNationalBureaus(const AppContext& app);

// The XLSX workbook: an "about" sheet in the reader's language, then one sheet per table with the
// same rows as NationalCsv.
std::string NationalFileXlsx(const AppContext& app, Lang lang, const NationalFile& file);

// "landelijk-2026.csv".
std::string NationalFileName(int year, std::string_view extension);

}  // namespace meldpunt::web
