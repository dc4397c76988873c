// The routes of api/: the partner intake API (issue 17) and its OpenAPI document.
#include "web/api/report_api.hpp"
#include "web/api/report_json.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddApiRoutes(RouteTable& routes) {
  using http::Method;
  routes.AddApi(Method::kPost, kApiReportsPath, PostPartnerReport,
                {.body_limit = kMaxReportJsonBytes});
  routes.AddPublic(Method::kGet, kApiDocumentPath, OpenApiDocument);
}

}  // namespace meldpunt::web
