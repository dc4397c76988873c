#include "web/common/pages.hpp"
#include "web/feature_routes.hpp"
#include "web/followup/follow_up_handlers.hpp"
#include "web/paths.hpp"
#include "web/public/evidence_upload.hpp"

namespace meldpunt::web {

void AddFollowUpRoutes(RouteTable& routes) {
  using http::Method;
  routes.AddPublic(Method::kGet, kFollowUpPath, FollowUpPage);
  routes.AddForm(kFollowUpPath, FollowUpSignIn);
  // An answer may carry evidence files (multipart).
  routes.AddForm(kFollowUpMessagePath, FollowUpReply,
                 {.form = UploadFormLimits(kMaxFormFields), .body_limit = kUploadBodyLimit});
  routes.AddForm(kFollowUpSignOutPath, FollowUpSignOut);
}

}  // namespace meldpunt::web
