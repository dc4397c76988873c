// The routes of letters/: the bureau's letter templates and the letters of a case to the other
// party (hoor en wederhoor).
#include "web/feature_routes.hpp"
#include "web/letters/letter_handlers.hpp"
#include "web/letters/letter_template_handlers.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddLetterRoutes(RouteTable& routes) {
  using http::Method;
  // The bureau's templates and letterhead, for its admin.
  routes.AddStaff(Method::kGet, kLetterTemplatesPath, Permission::kManageBureauSettings,
                  LetterTemplatesPage);
  routes.AddStaff(Method::kPost, kLetterTemplatesPath, Permission::kManageBureauSettings,
                  SaveLetterTemplate, {.body_limit = kLetterTemplateBodyLimit});
  routes.AddStaff(Method::kPost, kLetterheadPath, Permission::kManageBureauSettings,
                  SaveLetterhead);
  // The letters of a case, for those who handle cases.
  routes.AddStaff(Method::kGet, kLetterFormPath, Permission::kHandleCases, CaseLetterPage);
  routes.AddStaff(Method::kPost, kLetterFormPath, Permission::kHandleCases, CaseLetterAction,
                  {.body_limit = kLetterFormBodyLimit});
  routes.AddStaff(Method::kGet, kLetterPdfPath, Permission::kHandleCases, CaseLetterDownload);
  routes.AddStaff(Method::kPost, kLetterReplyPath, Permission::kHandleCases, CaseLetterReply);
}

}  // namespace meldpunt::web
