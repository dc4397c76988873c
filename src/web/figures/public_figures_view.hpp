#pragma once
// Renders the public figures (domain/figures/public_figures.hpp) as template data for /cijfers and
// as the CSV /cijfers.csv. A number shows as itself, "< 5" or "x", as in the municipal report; a
// rate per 1,000 inhabitants only next to a number that is shown.
#include <string>

#include "domain/figures/public_figures.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

TemplateData PublicFiguresData(const AppContext& app, Lang lang, const PublicFigures& figures,
                               long long threshold);

// One CSV: a header row, then per working area its municipalities and total (reports about
// incidents, then by residents), then the grounds.
std::string PublicFiguresCsv(const AppContext& app, Lang lang, const PublicFigures& figures,
                             long long threshold);

}  // namespace meldpunt::web
