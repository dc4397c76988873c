// On a real SQLite file: "my cases" (only the cases of the bureau assigned to the staff member),
// and the reporter's status history as the steps change it.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class CaseListStoreTest : public SqliteStoreFixture {
 protected:
  CaseListStoreTest() : SqliteStoreFixture(KeyOf(7), std::nullopt) {}
};

TEST_F(CaseListStoreTest, MyCasesAreTheCasesAssignedToMeInMyBureau) {
  {
    auto& store = store_;
    ASSERT_TRUE(store->AddUser({"a@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
    ASSERT_TRUE(store->AddUser({"b@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
    long long a = store->FindUser("a@example.nl")->id;
    long long b = store->FindUser("b@example.nl")->id;
    std::vector<long long> ids;
    for (const char* key : {"k1", "k2", "k3"}) {
      ids.push_back(store->AddReport(TestReport("text", "none", "unknown", key), 1'800'000'000).id);
    }
    auto assign = [&](long long report, long long user) {
      CaseChange change;
      change.report_id = report;
      change.staff_user_id = user;
      change.expected_version = store->GetReport(report)->case_version;
      change.kind = CaseEventKind::kAssigned;
      change.detail = std::to_string(user);
      change.assign.emplace(user);
      ASSERT_TRUE(store->ApplyCaseChange(change, 10));
    };
    assign(ids[0], a);
    assign(ids[2], a);
    assign(ids[1], b);
    auto mine = store->ListAssignedReports(1, a, 10, 0);
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0].id, ids[2]) << "newest first";
    EXPECT_EQ(mine[1].id, ids[0]);
    EXPECT_EQ(mine[0].assigned_to, a);
    EXPECT_EQ(mine[0].description, "text") << "decrypted like every list";
    EXPECT_EQ(store->CountAssignedReports(1, a), 2);
    EXPECT_EQ(store->ListAssignedReports(1, a, 1, 1).front().id, ids[0]) << "paged";
    EXPECT_EQ(store->CountAssignedReports(1, b), 1);
    EXPECT_TRUE(store->ListAssignedReports(2, a, 10, 0).empty()) << "another bureau's list";
    EXPECT_EQ(store->CountAssignedReports(2, a), 0);
  }
}

TEST_F(CaseListStoreTest, TheReporterStatusHistoryFollowsTheSteps) {
  {
    auto& store = store_;
    long long id = store->AddReport(TestReport("text", "none", "unknown", "s1"), 100).id;
    auto step = [&](CaseStep to, long long at) {
      CaseChange change;
      change.report_id = id;
      change.expected_version = store->GetReport(id)->case_version;
      change.kind = CaseEventKind::kStep;
      change.code = std::string(StepCode(to));
      change.step = to;
      ASSERT_TRUE(store->ApplyCaseChange(change, at));
    };
    step(CaseStep::kFirstAnalysis, 200);
    step(CaseStep::kIntake, 300);  // still "in progress" for the reporter: no new entry
    step(CaseStep::kFirstAnalysis, 400);
    auto changes = store->ListStatusChanges(id);
    std::vector<std::pair<long long, ReportStatus>> seen;
    for (const auto& change : changes) seen.emplace_back(change.at, change.status);
    std::vector<std::pair<long long, ReportStatus>> expected = {{200, ReportStatus::kInProgress}};
    EXPECT_EQ(seen, expected);
  }
}

}  // namespace
}  // namespace meldpunt
