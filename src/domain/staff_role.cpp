#include "domain/staff_role.hpp"

namespace meldpunt {
namespace {

constexpr std::array<std::string_view, kAllStaffRoles.size()> kRoleCodes = {
    "intake", "handler", "coordinator", "bureau_admin", "system_admin", "municipality_viewer"};

constexpr std::array<std::string_view, 17> kPermissionCodes = {
    "read_cases",        "register_reports",       "classify_reports",
    "handle_cases",      "assign_cases",           "bulk_actions",
    "move_cases",        "export_personal_data",   "read_audit_log",
    "manage_staff",      "manage_bureau_settings", "manage_bureaus",
    "manage_code_lists", "view_figures",           "national_figures",
    "manage_population", "export_figure_archive"};
static_assert(static_cast<size_t>(Permission::kExportFigureArchive) + 1 == kPermissionCodes.size());

}  // namespace

std::string_view PermissionCode(Permission permission) {
  return kPermissionCodes[static_cast<size_t>(permission)];
}

std::string_view RoleCode(StaffRole role) { return kRoleCodes[static_cast<size_t>(role)]; }

std::optional<StaffRole> ParseRole(std::string_view code) {
  for (StaffRole role : kAllStaffRoles) {
    if (RoleCode(role) == code) return role;
  }
  return std::nullopt;
}

bool Allows(StaffRole role, Permission permission) {
  using P = Permission;
  using R = StaffRole;
  switch (permission) {
    case P::kReadCases:
    case P::kRegisterReports:
    case P::kClassifyReports:
      return role == R::kIntake || role == R::kHandler || role == R::kCoordinator ||
             role == R::kBureauAdmin;
    case P::kHandleCases:
      return role == R::kHandler || role == R::kCoordinator || role == R::kBureauAdmin;
    case P::kAssignCases:
    case P::kBulkActions:
    case P::kExportPersonalData:
      return role == R::kCoordinator || role == R::kBureauAdmin;
    case P::kMoveCases:
    case P::kReadAuditLog:
    case P::kManageBureauSettings:
      return role == R::kBureauAdmin;
    case P::kManageStaff:
    case P::kManagePopulation:
      return role == R::kBureauAdmin || role == R::kSystemAdmin;
    case P::kManageBureaus:
    case P::kManageCodeLists:
      return role == R::kSystemAdmin;
    case P::kViewFigures:
      return role != R::kSystemAdmin;
    case P::kNationalFigures:
    case P::kExportFigureArchive:
      // Suppressed files for the municipalities, made by whoever sends them out; the system
      // admin, who never sees exact figures, may make them for any bureau.
      return role == R::kCoordinator || role == R::kBureauAdmin || role == R::kSystemAdmin;
  }
  return false;
}

}  // namespace meldpunt
