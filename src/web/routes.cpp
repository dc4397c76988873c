#include "web/routes.hpp"

#include "store/store_health.hpp"
#include "web/api/api_problem.hpp"
#include "web/common/pages.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

RouteTable BuildRoutes(const AppContext& app, const http::StaticFiles& static_files) {
  using http::Method;
  using http::Runs;
  RouteTable routes(app);
  routes.AddPublic(
      Method::kGet, kHealthPath,
      [](const http::Request&) { return http::Response::Text(200, "ok"); }, Runs::kOnIoThread);
  routes.AddPublic(Method::kGet, kReadyPath, [&app](const http::Request&) {
    return app.health.Ping() ? http::Response::Text(200, "ready")
                             : http::Response::Text(503, "database unreachable");
  });
  routes.AddPublic(
      Method::kGet, kStaticPath,
      [&static_files](const http::Request& request) { return static_files.Serve(request); },
      Runs::kOnIoThread);

  AddPublicRoutes(routes);
  AddFollowUpRoutes(routes);
  AddAccountRoutes(routes);
  AddWorklistRoutes(routes);
  AddIntakeRoutes(routes);
  AddCaseRoutes(routes);
  AddPrivacyRoutes(routes);
  AddLetterRoutes(routes);
  AddMassRoutes(routes);
  AddFiguresRoutes(routes);
  AddAdminRoutes(routes);
  AddSpeechRoutes(routes);
  AddApiRoutes(routes);
  return routes;
}

http::Response ErrorAnswer(const AppContext& app, int status, const http::Request* request) {
  if (request && request->path.starts_with(kApiPrefix)) {
    return ApiErrorResponse(app, *request, status);
  }
  return ErrorPage(app, status, request);
}

}  // namespace meldpunt::web
