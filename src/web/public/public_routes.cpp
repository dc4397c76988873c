#include <memory>

#include "web/common/pages.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"
#include "web/public/bureau_face_handlers.hpp"
#include "web/public/evidence_upload.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_cache.hpp"

namespace meldpunt::web {

void AddPublicRoutes(RouteTable& routes) {
  using http::Method;
  using http::Runs;
  const AppContext& app = routes.App();
  routes.AddPublic(Method::kGet, kHomePath, HomePage, Runs::kOnIoThread);
  // The empty form, rendered once at start (report_form_cache.hpp).
  auto form = std::make_shared<const ReportFormCache>(app);
  routes.AddPublic(
      Method::kGet, kReportFormPath,
      [&app, form](const http::Request& request) { return form->Serve(app, request); },
      Runs::kOnIoThread);
  // The form with its evidence files.
  routes.AddForm(kReportFormPath, SubmitReport,
                 {.form = UploadFormLimits(kMaxFormFields), .body_limit = kUploadBodyLimit});
  routes.AddPublic(Method::kGet, kReportReceivedPath, ReportReceivedPage, Runs::kOnIoThread);
  routes.AddPublic(Method::kGet, kPrivacyPath, PrivacyPage, Runs::kOnIoThread);
  // The bureaus' faces (issue 15), from memory.
  routes.AddPublic(Method::kGet, kOtherWaysPath, OtherWaysPage, Runs::kOnIoThread);
  routes.AddPublic(Method::kGet, kBureauThemePath, BureauThemeSheet, Runs::kOnIoThread);
  routes.AddPublic(Method::kGet, kBureauLogoPath, BureauLogo, Runs::kOnIoThread);
}

}  // namespace meldpunt::web
