#pragma once
// The municipal yearly report (gemeentelijke jaarrapportage) for staff and municipality viewers:
// GET /medewerkers/cijfers/gemeente (HTML), /medewerkers/cijfers/gemeente.csv and .pdf.
#include "http/message.hpp"
#include "web/app.hpp"

namespace meldpunt::web {

http::Response MunicipalFiguresPage(const AppContext& app, const http::Request& request);
http::Response MunicipalFiguresCsv(const AppContext& app, const http::Request& request);
http::Response MunicipalFiguresPdf(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
