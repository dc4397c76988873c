#pragma once
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// Every URL of meldpunt, in one place.
http::Router BuildRoutes(const AppContext& app, const http::StaticFiles& static_files);

}  // namespace meldpunt::web
