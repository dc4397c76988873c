// The routes of admin/: bureaus and their working areas, handing a case over to another bureau,
// the bureau's settings, the code lists, the languages and the audit log (inzagelog).
#include "web/admin/bureau_profile_handlers.hpp"
#include "web/admin/code_list_handlers.hpp"
#include "web/admin/language_handlers.hpp"
#include "web/admin/partner_key_handlers.hpp"
#include "web/admin/staff_audit_handlers.hpp"
#include "web/admin/staff_bureau_handlers.hpp"
#include "web/admin/staff_settings_handlers.hpp"
#include "web/admin/standard_reply_handlers.hpp"
#include "web/admin/tag_handlers.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddAdminRoutes(RouteTable& routes) {
  using http::Method;
  // Bureaus and their working areas, for the system admin.
  routes.AddStaff(Method::kGet, kBureausPath, Permission::kManageBureaus, StaffBureausPage);
  routes.AddStaff(Method::kPost, kBureausPath, Permission::kManageBureaus, StaffBureausAction);
  routes.AddStaff(Method::kPost, kWorkingAreaPath, Permission::kManageBureaus, StaffBureausAction);
  // Handing a case over to another bureau (a case route: the case of the staff member's bureau).
  routes.AddStaff(Method::kPost, kCaseMovePath, Permission::kMoveCases, MoveReportToBureau);

  // The bureau's settings, for its admin.
  routes.AddStaff(Method::kGet, kSettingsPath, Permission::kManageBureauSettings,
                  StaffSettingsPage);
  routes.AddStaff(Method::kPost, kSettingsPath, Permission::kManageBureauSettings,
                  StaffSettingsSave);

  // The bureau's own details and face (issue 15), for its admin; the logo comes as a file.
  routes.AddStaff(Method::kGet, kBureauProfilePath, Permission::kManageBureauSettings,
                  StaffBureauProfilePage);
  routes.AddStaff(Method::kPost, kBureauProfilePath, Permission::kManageBureauSettings,
                  StaffBureauProfileSave);
  routes.AddStaff(Method::kPost, kBureauProfileLogoPath, Permission::kManageBureauSettings,
                  StaffBureauLogoSave,
                  {.form = LogoFormLimits(), .body_limit = kMaxLogoUploadBytes + 64 * 1024});

  // The bureau's tags (labels), for its admin.
  routes.AddStaff(Method::kGet, kTagsPath, Permission::kManageBureauSettings, StaffTagsPage);
  routes.AddStaff(Method::kPost, kTagsPath, Permission::kManageBureauSettings, StaffTagsAction);

  // The bureau's standard replies (standaardteksten), for its admin, like tags and letter
  // templates.
  routes.AddStaff(Method::kGet, kStandardRepliesPath, Permission::kManageBureauSettings,
                  StaffStandardRepliesPage);
  routes.AddStaff(Method::kPost, kStandardRepliesPath, Permission::kManageBureauSettings,
                  StaffStandardRepliesAction);

  // The bureau's partner API keys (issue 17), for its admin.
  routes.AddStaff(Method::kGet, kPartnerKeysPath, Permission::kManageBureauSettings,
                  StaffPartnerKeysPage);
  routes.AddStaff(Method::kPost, kPartnerKeysPath, Permission::kManageBureauSettings,
                  StaffPartnerKeysAction);

  // The national code lists, for the system admin.
  routes.AddStaff(Method::kGet, kCodeListsPath, Permission::kManageCodeLists, StaffCodeListsPage);
  routes.AddStaff(Method::kPost, kCodeListsPath, Permission::kManageCodeLists,
                  StaffCodeListsAction);
  routes.AddStaff(Method::kPost, kRetireCodePath, Permission::kManageCodeLists,
                  StaffCodeListsAction);

  // The languages of the site and their review status, for the system admin, who also keeps the
  // national code lists (issue 15). Read only: a language is a catalog, changed in the source.
  routes.AddStaff(Method::kGet, kLanguagesPath, Permission::kManageCodeLists, StaffLanguagesPage);

  // The audit log. Its export leaves meldpunt: a recent password and second factor first (the
  // page's ?formaat=csv asks for them in the handler, after checking the filters).
  routes.AddStaff(Method::kGet, kAuditLogPath, Permission::kReadAuditLog, StaffAuditLogPage);
  routes.AddStaff(Method::kGet, kAuditLogCsvPath, Permission::kReadAuditLog, StaffAuditLogCsv,
                  {.recent_auth = true, .confirm_return = {}});  // back to this GET
}

}  // namespace meldpunt::web
