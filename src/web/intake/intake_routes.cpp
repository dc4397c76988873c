#include "domain/staff_role.hpp"
#include "web/feature_routes.hpp"
#include "web/intake/staff_intake_handlers.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddIntakeRoutes(RouteTable& routes) {
  using http::Method;
  routes.AddStaff(Method::kGet, kIntakePath, Permission::kRegisterReports, StaffIntakePage);
  routes.AddStaff(Method::kPost, kIntakePath, Permission::kRegisterReports, StaffIntakeSubmit);
}

}  // namespace meldpunt::web
