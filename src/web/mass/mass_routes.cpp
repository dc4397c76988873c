#include "domain/staff_role.hpp"
#include "web/feature_routes.hpp"
#include "web/mass/mass_handlers.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddMassRoutes(RouteTable& routes) {
  using http::Method;
  // Reading needs kReadCases; adding an event and the bulk work on one need kBulkActions. The
  // link, unlink and close forms may name 5,000 reports (kMassFormBodyLimit).
  routes.AddStaff(Method::kGet, kMassEventsPath, Permission::kReadCases, StaffMassEventsPage);
  routes.AddStaff(Method::kPost, kMassEventsPath, Permission::kBulkActions, StaffMassEventAdd);
  routes.AddStaff(Method::kGet, kMassEventPath, Permission::kReadCases, StaffMassEventPage);
  routes.AddStaff(Method::kPost, kMassLinkPath, Permission::kBulkActions, StaffMassLink,
                  {.body_limit = kMassFormBodyLimit});
  routes.AddStaff(
      Method::kPost, kMassUnlinkPath, Permission::kBulkActions, StaffMassUnlink,
      {.form = {.max_fields = kMassUnlinkFormFields}, .body_limit = kMassFormBodyLimit});
  routes.AddStaff(Method::kPost, kMassMessagePath, Permission::kBulkActions, StaffMassMessage);
  routes.AddStaff(Method::kPost, kMassClosePath, Permission::kBulkActions, StaffMassClose,
                  {.body_limit = kMassFormBodyLimit});
}

}  // namespace meldpunt::web
