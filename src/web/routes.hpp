#pragma once
#include "http/static_files.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// Every URL of meldpunt with who may call it: one Add…Routes per feature (each in its folder),
// the paths in web/paths.hpp.
RouteTable BuildRoutes(const AppContext& app, const http::StaticFiles& static_files);

// The answer to an error before or outside a handler (the server's error callback): problem
// details for the partner API's paths (issue 17), the error page for every other.
http::Response ErrorAnswer(const AppContext& app, int status, const http::Request* request);

}  // namespace meldpunt::web
