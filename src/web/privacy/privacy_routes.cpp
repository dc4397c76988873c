// The routes of privacy/: the reporter's rights on a case (inzage, corrigeren, wissen).
#include "web/feature_routes.hpp"
#include "web/paths.hpp"
#include "web/privacy/staff_privacy_handlers.hpp"

namespace meldpunt::web {

void AddPrivacyRoutes(RouteTable& routes) {
  using http::Method;
  // An access request hands the whole case over, and erasure destroys it: both are for
  // coordinators and bureau admins, with a recent password and second factor. Each comes back
  // to its own path after confirming (the erasure's POST as a GET of the same path: the page
  // that asks to confirm the erasure).
  const RouteOptions recent_auth{.recent_auth = true, .confirm_return = {}};
  routes.AddStaff(Method::kGet, kExportPath, Permission::kExportPersonalData, StaffReportExportPage,
                  recent_auth);
  routes.AddStaff(Method::kGet, kExportJsonPath, Permission::kExportPersonalData,
                  StaffReportExportJson, recent_auth);
  // Correcting the description and contact details: case handlers.
  routes.AddStaff(Method::kGet, kCorrectPath, Permission::kHandleCases, StaffReportCorrectPage);
  routes.AddStaff(Method::kPost, kCorrectPath, Permission::kHandleCases, StaffReportCorrect);
  routes.AddStaff(Method::kGet, kErasePath, Permission::kExportPersonalData, StaffReportErasePage,
                  recent_auth);
  routes.AddStaff(Method::kPost, kErasePath, Permission::kExportPersonalData, StaffReportErase,
                  recent_auth);
}

}  // namespace meldpunt::web
