#include "domain/staff_role.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"
#include "web/worklists/saved_filters.hpp"
#include "web/worklists/staff_deadline_handlers.hpp"
#include "web/worklists/staff_reports_csv.hpp"
#include "web/worklists/staff_reports_page.hpp"
#include "web/worklists/staff_search_handlers.hpp"

namespace meldpunt::web {

void AddWorklistRoutes(RouteTable& routes) {
  using http::Method;
  routes.AddStaff(Method::kGet, kReportsPath, Permission::kReadCases, StaffReportsPage);
  // The same list as CSV; personal columns only with kExportPersonalData (staff_reports_csv.hpp).
  routes.AddStaff(Method::kGet, kReportsCsvPath, Permission::kReadCases, StaffReportsCsv);
  // A handler's own deadlines; the whole bureau's or another handler's need kAssignCases as well,
  // which StaffDeadlinesPage checks.
  routes.AddStaff(Method::kGet, kDeadlinesPath, Permission::kHandleCases, StaffDeadlinesPage);
  // A GET (issue 14): it changes nothing but the audit log, so it needs no anti-forgery token.
  routes.AddStaff(Method::kGet, kSearchPath, Permission::kReadCases, StaffSearchPage);
  // Saved filters: one's own only (the handlers look up by user and id together).
  routes.AddStaff(Method::kPost, kSavedFiltersPath, Permission::kReadCases, SavedFilterSave);
  routes.AddStaff(Method::kPost, kSavedFilterDeletePath, Permission::kReadCases, SavedFilterDelete);
}

}  // namespace meldpunt::web
