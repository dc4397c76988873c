#pragma once
// For unit tests of handlers: every route of the server over a test app, so that a request goes
// through its route's policy (form, anti-forgery token, session, role) and then its handler, as
// it does in the server.
#include <string>

#include "http/message.hpp"
#include "http/static_files.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/routes.hpp"

namespace meldpunt::web {

class TestRoutes {
 public:
  explicit TestRoutes(const AppContext& app)
      : files_(std::string(MELDPUNT_SOURCE_DIR) + "/static", "/static/"),
        table_(BuildRoutes(app, files_)) {}
  // The route's answer; 404 or 405 (as the server answers them) when there is none.
  http::Response Send(const http::Request& request) const {
    auto match = table_.Router().Find(request.method, request.path);
    if (!match.route) return http::Response::Text(match.allow.empty() ? 404 : 405, "no route");
    return match.route->handler(request);
  }
  const RouteTable& Table() const { return table_; }

 private:
  http::StaticFiles files_;
  RouteTable table_;
};

}  // namespace meldpunt::web
