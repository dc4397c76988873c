#pragma once
// The public figures (/cijfers and /cijfers.csv): no login; the latest complete year per
// municipality of each working area and by ground, suppressed (domain/figures/public_figures.hpp).
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

http::Response PublicFiguresPage(const AppContext& app, const http::Request& request);
http::Response PublicFiguresCsv(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
