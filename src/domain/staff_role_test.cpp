#include "domain/staff_role.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(StaffRole, CodesRoundTrip) {
  for (StaffRole role : kAllStaffRoles) EXPECT_EQ(ParseRole(RoleCode(role)), role);
  EXPECT_FALSE(ParseRole("admin"));
  EXPECT_FALSE(ParseRole(""));
}

TEST(StaffRole, MunicipalityViewersAndSystemAdminsNeverReadCases) {
  EXPECT_FALSE(Allows(StaffRole::kMunicipalityViewer, Permission::kReadCases));
  EXPECT_FALSE(Allows(StaffRole::kSystemAdmin, Permission::kReadCases));
  EXPECT_FALSE(Allows(StaffRole::kMunicipalityViewer, Permission::kExportPersonalData));
  EXPECT_TRUE(Allows(StaffRole::kMunicipalityViewer, Permission::kViewFigures));
  EXPECT_FALSE(Allows(StaffRole::kSystemAdmin, Permission::kViewFigures));
  // The national file: those who report to the national body, never a municipality.
  EXPECT_TRUE(Allows(StaffRole::kSystemAdmin, Permission::kNationalFigures));
  EXPECT_TRUE(Allows(StaffRole::kCoordinator, Permission::kNationalFigures));
  EXPECT_TRUE(Allows(StaffRole::kBureauAdmin, Permission::kNationalFigures));
  EXPECT_FALSE(Allows(StaffRole::kHandler, Permission::kNationalFigures));
  EXPECT_FALSE(Allows(StaffRole::kIntake, Permission::kNationalFigures));
  EXPECT_FALSE(Allows(StaffRole::kMunicipalityViewer, Permission::kNationalFigures));
  EXPECT_TRUE(Allows(StaffRole::kBureauAdmin, Permission::kManagePopulation));
  EXPECT_TRUE(Allows(StaffRole::kSystemAdmin, Permission::kManagePopulation));
  EXPECT_FALSE(Allows(StaffRole::kCoordinator, Permission::kManagePopulation));
  EXPECT_FALSE(Allows(StaffRole::kMunicipalityViewer, Permission::kManagePopulation));
}

TEST(StaffRole, IntakeRegistersButDoesNotHandle) {
  EXPECT_TRUE(Allows(StaffRole::kIntake, Permission::kRegisterReports));
  EXPECT_TRUE(Allows(StaffRole::kIntake, Permission::kReadCases));
  EXPECT_FALSE(Allows(StaffRole::kIntake, Permission::kHandleCases));
  EXPECT_FALSE(Allows(StaffRole::kIntake, Permission::kAssignCases));
}

TEST(StaffRole, OnlyCoordinatorsAndBureauAdminsAssignAndExport) {
  for (StaffRole role : kAllStaffRoles) {
    bool expected = role == StaffRole::kCoordinator || role == StaffRole::kBureauAdmin;
    EXPECT_EQ(Allows(role, Permission::kAssignCases), expected) << RoleCode(role);
    EXPECT_EQ(Allows(role, Permission::kExportPersonalData), expected) << RoleCode(role);
    EXPECT_EQ(Allows(role, Permission::kBulkActions), expected) << RoleCode(role);
  }
}

TEST(StaffRole, AuditLogIsForTheBureauAdminAlone) {
  for (StaffRole role : kAllStaffRoles) {
    EXPECT_EQ(Allows(role, Permission::kReadAuditLog), role == StaffRole::kBureauAdmin)
        << RoleCode(role);
  }
  EXPECT_TRUE(Allows(StaffRole::kSystemAdmin, Permission::kManageBureaus));
  EXPECT_FALSE(Allows(StaffRole::kBureauAdmin, Permission::kManageBureaus));
}

}  // namespace
}  // namespace meldpunt

namespace meldpunt {
namespace {

TEST(StaffRole, FigureArchiveIsForCoordinatorsBureauAdminsAndSystemAdmins) {
  for (StaffRole role : kAllStaffRoles) {
    bool expected = role == StaffRole::kCoordinator || role == StaffRole::kBureauAdmin ||
                    role == StaffRole::kSystemAdmin;
    EXPECT_EQ(Allows(role, Permission::kExportFigureArchive), expected) << RoleCode(role);
  }
}

}  // namespace
}  // namespace meldpunt
