#pragma once
// Who may do what (rollen en rechten). Every staff request is checked against this table on the
// server; pages only hide what a role may not do. Cases are further limited to the staff
// member's own bureau (see CaseVisibleTo in web/common/staff_access.hpp).
#include <array>
#include <optional>
#include <string_view>

namespace meldpunt {

enum class StaffRole {
  kIntake,              // intakemedewerker: registers and classifies incoming reports
  kHandler,             // casebehandelaar / klachtbehandelaar: handles cases
  kCoordinator,         // coördinator: assigns work, oversees deadlines, bulk work
  kBureauAdmin,         // beheerder van het bureau: staff, settings, templates, audit log
  kSystemAdmin,         // applicatiebeheerder: bureaus and code lists; never reads cases
  kMunicipalityViewer,  // gemeente: aggregate figures of one municipality, never a case
};

inline constexpr std::array<StaffRole, 6> kAllStaffRoles = {
    StaffRole::kIntake,      StaffRole::kHandler,     StaffRole::kCoordinator,
    StaffRole::kBureauAdmin, StaffRole::kSystemAdmin, StaffRole::kMunicipalityViewer};

// Stable codes, stored in the database and used on the command line.
std::string_view RoleCode(StaffRole role);
std::optional<StaffRole> ParseRole(std::string_view code);

enum class Permission {
  kReadCases,             // open a report of the own bureau, with its personal data
  kRegisterReports,       // register a report that came in by phone, e-mail, letter, walk-in, app
  kClassifyReports,       // change the classification of a report
  kHandleCases,           // protocol steps, actions, messages to the reporter, notes, closing
  kAssignCases,           // assign and reassign cases to handlers
  kBulkActions,           // mass reports: link, answer and close many reports at once
  kMoveCases,             // hand a case over to another bureau
  kExportPersonalData,    // a reporter's access request, exports with personal data
  kReadAuditLog,          // who saw or did what
  kManageStaff,           // add staff, reset a colleague's second factor
  kManageBureauSettings,  // deadlines, retention, letter templates of the bureau
  kManageBureaus,         // bureaus and their working areas
  kManageCodeLists,       // the national code lists and their versions
  kViewFigures,           // aggregate figures (a municipality viewer: of their municipality only)
  kNationalFigures,       // the national file of every bureau: export, import other installations'
  kManagePopulation,      // population figures (inwonertallen) of the working area
  kExportFigureArchive,   // every municipal report of a working area as one archive (suppressed)
};

bool Allows(StaffRole role, Permission permission);

// The permission's name in lists of routes and in the docs: "read_cases", "manage_staff", ...
std::string_view PermissionCode(Permission permission);

}  // namespace meldpunt
