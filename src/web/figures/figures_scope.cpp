#include "web/figures/figures_scope.hpp"

#include "domain/figures/working_area.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

std::vector<std::string> FiguresAreaOf(const AppContext& app, const StaffSession& staff) {
  if (staff.role == StaffRole::kMunicipalityViewer) {
    const Municipality* own = app.municipalities.Successor(staff.municipality);
    if (!own || !own->current()) return {};
    return {own->code};
  }
  // Without a bureau (the system admin) no municipality: the national file and the archive of a
  // named bureau are the only figures that role gets, both suppressed and audit-logged.
  if (!staff.bureau_id) return {};
  std::vector<ListedArea> bureaus;
  for (auto& bureau : app.bureaus.ListBureaus())
    bureaus.push_back({bureau.id, std::move(bureau.municipalities)});
  return WorkingAreaOf(*staff.bureau_id, bureaus, app.municipalities);
}

http::Response RefuseFigures(const AppContext& app, const http::Request& request,
                             const StaffSession& staff, const std::string& what) {
  app.audit.Audit(AuditEntry::ForBureau(staff.user_id, "access.denied", staff.bureau_id, what),
                  app.now());
  return ErrorPage(app, 403, &request);
}

}  // namespace meldpunt::web
