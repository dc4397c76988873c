// "My cases" on a real SQLite file: only the cases of the bureau assigned to the staff member.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"

namespace meldpunt {
namespace {

TEST(CaseListStore, MyCasesAreTheCasesAssignedToMeInMyBureau) {
  InitSodium();
  auto dir = std::filesystem::temp_directory_path() / ("meldpunt-mine-" + RandomToken(6));
  {
    Key key;
    key.fill(6);
    auto store = OpenStore("sqlite:" + (dir / "m.db").string(), key);
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
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace meldpunt
