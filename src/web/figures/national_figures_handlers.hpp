#pragma once
// The national yearly report (landelijke jaarrapportage): GET /medewerkers/cijfers/landelijk
// (the page), landelijk.csv and landelijk.xlsx (the file), POST landelijk/importeren (another
// installation's CSV file) and landelijk/verwijderen (an imported bureau-year).
#include <cstddef>

#include "domain/figures/national_report.hpp"
#include "http/message.hpp"
#include "http/request_form.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// The upload route's body limit: the file and the multipart framing.
inline constexpr size_t kNationalImportBodyLimit = kMaxNationalFileBytes + 64 * 1024;
// The import form: one file (bestand) and a few fields.
http::FormLimits NationalImportFormLimits();
// The delete form's fields (bureau, jaar, csrf).
inline constexpr size_t kNationalDeleteFormFields = 10;

http::Response NationalFiguresPage(const AppContext& app, const StaffRequest& request);
http::Response NationalFiguresCsv(const AppContext& app, const StaffRequest& request);
http::Response NationalFiguresXlsx(const AppContext& app, const StaffRequest& request);
http::Response NationalFiguresImport(const AppContext& app, const StaffRequest& request);
http::Response NationalFiguresDelete(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
