#pragma once
// The municipal yearly report (gemeentelijke jaarrapportage) for staff and municipality viewers:
// GET /medewerkers/cijfers/gemeente (HTML), /medewerkers/cijfers/gemeente.csv, .pdf and .xlsx.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response MunicipalFiguresPage(const AppContext& app, const StaffRequest& request);
http::Response MunicipalFiguresCsv(const AppContext& app, const StaffRequest& request);
http::Response MunicipalFiguresPdf(const AppContext& app, const StaffRequest& request);
// The same tables as an XLSX workbook, always suppressed like the CSV (it leaves the bureau).
http::Response MunicipalFiguresXlsx(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
