#pragma once
#include "http/static_files.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// Every URL of meldpunt with who may call it: one Add…Routes per feature (each in its folder),
// the paths in web/paths.hpp.
RouteTable BuildRoutes(const AppContext& app, const http::StaticFiles& static_files);

}  // namespace meldpunt::web
