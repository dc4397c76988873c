// Cases on a real SQLite file: one change per version, closing and reopening, the history with
// its free text encrypted at rest, and routing to bureaus.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class CaseStoreTest : public SqliteStoreFixture {
 protected:
  CaseStoreTest() : SqliteStoreFixture(KeyOf(5), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    ASSERT_TRUE(store_->AddUser({"h@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
    handler_ = store_->FindUser("h@example.nl")->id;
  }
  RegisteredReport Add(const std::string& key, const std::string& incident = "none",
                       const std::string& residence = "unknown") {
    return store_->AddReport(TestReport("text", incident, residence, key), 1'800'000'000);
  }

  long long handler_ = 0;
};

TEST_F(CaseStoreTest, AChangeAppliesOnlyToTheVersionItWasMadeFor) {
  auto report = Add("a");
  CaseChange step{.report_id = report.id,
                  .staff_user_id = handler_,
                  .expected_version = 0,
                  .kind = CaseEventKind::kStep,
                  .code = "first_analysis",
                  .step = CaseStep::kFirstAnalysis};
  EXPECT_TRUE(store_->ApplyCaseChange(step, 10));
  // A colleague who still saw version 0 does not overwrite it.
  EXPECT_FALSE(store_->ApplyCaseChange(step, 11));
  auto stored = store_->GetReport(report.id);
  EXPECT_EQ(stored->step, CaseStep::kFirstAnalysis);
  EXPECT_EQ(stored->status, ReportStatus::kInProgress);
  EXPECT_EQ(stored->case_version, 1);
  EXPECT_EQ(store_->ListCaseEvents(report.id).size(), 1u);
  CaseChange unknown = step;
  unknown.report_id = 999;
  EXPECT_FALSE(store_->ApplyCaseChange(unknown, 12));
}

TEST_F(CaseStoreTest, ChangesTogetherApplyAllAtOneMomentOrNone) {
  auto report = Add("together");
  auto step = [&](CaseStep to) {
    return CaseChange{.report_id = report.id,
                      .staff_user_id = handler_,
                      .expected_version = 0,
                      .kind = CaseEventKind::kStep,
                      .code = std::string(StepCode(to)),
                      .detail = "forward",
                      .step = to};
  };
  EXPECT_TRUE(store_->ApplyCaseChangesTogether(
      {step(CaseStep::kFirstAnalysis), step(CaseStep::kIntake), step(CaseStep::kInvestigation)},
      20));
  auto stored = store_->GetReport(report.id);
  EXPECT_EQ(stored->step, CaseStep::kInvestigation);
  EXPECT_EQ(stored->case_version, 3);
  auto events = store_->ListCaseEvents(report.id);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].code, "first_analysis");
  EXPECT_EQ(events[2].code, "investigation");
  for (const auto& event : events) EXPECT_EQ(event.at, 20);

  // Made for an old version: nothing of it is applied, not even the first change.
  EXPECT_FALSE(store_->ApplyCaseChangesTogether(
      {step(CaseStep::kApproachAgreed), step(CaseStep::kActions)}, 30));
  stored = store_->GetReport(report.id);
  EXPECT_EQ(stored->step, CaseStep::kInvestigation);
  EXPECT_EQ(stored->case_version, 3);
  EXPECT_EQ(store_->ListCaseEvents(report.id).size(), 3u);

  // The first applies, the second cannot: the first is undone with it.
  CaseChange first = step(CaseStep::kApproachAgreed);
  first.expected_version = 3;
  CaseChange second = step(CaseStep::kActions);
  second.report_id = 999;
  EXPECT_FALSE(store_->ApplyCaseChangesTogether({first, second}, 40));
  stored = store_->GetReport(report.id);
  EXPECT_EQ(stored->step, CaseStep::kInvestigation);
  EXPECT_EQ(stored->case_version, 3);
  EXPECT_EQ(store_->ListCaseEvents(report.id).size(), 3u);
}

TEST_F(CaseStoreTest, AMediationIsPlannedWithItsEventAndReplacedWhenChanged) {
  auto report = Add("mediation");
  EXPECT_FALSE(store_->GetMediation(report.id));
  EXPECT_FALSE(store_->PlannedMediationAt(report.id));
  CaseChange plan{.report_id = report.id,
                  .staff_user_id = handler_,
                  .expected_version = 0,
                  .kind = CaseEventKind::kMediationPlanned,
                  .code = "mediation",
                  .detail = "2027-01-15 10:00",
                  .text = "Stadhuis",
                  .mediation = Mediation{1'800'100'000, "Stadhuis", "Melder, wederpartij"}};
  EXPECT_TRUE(store_->ApplyCaseChange(plan, 50));
  auto stored = store_->GetMediation(report.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->planned_at, 1'800'100'000);
  EXPECT_EQ(stored->place, "Stadhuis");
  EXPECT_EQ(stored->participants, "Melder, wederpartij");
  EXPECT_EQ(store_->PlannedMediationAt(report.id), 1'800'100'000);
  // A stale form plans nothing.
  plan.mediation->place = "Elders";
  EXPECT_FALSE(store_->ApplyCaseChange(plan, 51));
  EXPECT_EQ(store_->GetMediation(report.id)->place, "Stadhuis");
  // Changed: the one plan is replaced, both versions are in the history.
  plan.expected_version = 1;
  plan.mediation = Mediation{1'800'200'000, "Online", ""};
  EXPECT_TRUE(store_->ApplyCaseChange(plan, 52));
  EXPECT_EQ(store_->GetMediation(report.id)->place, "Online");
  EXPECT_EQ(store_->GetMediation(report.id)->participants, "");
  EXPECT_EQ(store_->PlannedMediationAt(report.id), 1'800'200'000);
  EXPECT_EQ(store_->ListCaseEvents(report.id).size(), 2u);
}

TEST_F(CaseStoreTest, ClosingRecordsHandlingsAndReopeningClearsThem) {
  auto report = Add("b");
  CaseChange close{.report_id = report.id,
                   .staff_user_id = handler_,
                   .expected_version = 0,
                   .kind = CaseEventKind::kClosed,
                   .detail = "advice,listening_ear;resolved",
                   .step = CaseStep::kClosed,
                   .close = std::make_pair(std::vector<std::string>{"listening_ear", "advice"},
                                           std::string("resolved"))};
  ASSERT_TRUE(store_->ApplyCaseChange(close, 100));
  auto closed = store_->GetReport(report.id);
  EXPECT_EQ(closed->status, ReportStatus::kClosed);
  EXPECT_EQ(closed->handlings, (std::vector<std::string>{"advice", "listening_ear"}));
  EXPECT_EQ(closed->outcome, "resolved");
  EXPECT_EQ(closed->closed_at, 100);
  CaseChange reopen{.report_id = report.id,
                    .staff_user_id = handler_,
                    .expected_version = 1,
                    .kind = CaseEventKind::kReopened,
                    .step = CaseStep::kEvaluation};
  ASSERT_TRUE(store_->ApplyCaseChange(reopen, 200));
  auto open = store_->GetReport(report.id);
  EXPECT_EQ(open->step, CaseStep::kEvaluation);
  EXPECT_TRUE(open->handlings.empty());
  EXPECT_EQ(open->outcome, "");
  EXPECT_FALSE(open->closed_at);
}

TEST_F(CaseStoreTest, NotesAreEncryptedAndAssignmentAndConsentAreKept) {
  auto report = Add("c");
  CaseChange note{.report_id = report.id,
                  .staff_user_id = handler_,
                  .expected_version = 0,
                  .kind = CaseEventKind::kNote,
                  .text = "Belde melder terug: zeer aangeslagen."};
  ASSERT_TRUE(store_->ApplyCaseChange(note, 5));
  CaseChange assign{.report_id = report.id,
                    .staff_user_id = handler_,
                    .expected_version = 1,
                    .kind = CaseEventKind::kAssigned,
                    .detail = std::to_string(handler_),
                    .assign = std::optional<long long>(handler_),
                    .consent = true};
  ASSERT_TRUE(store_->ApplyCaseChange(assign, 6));
  auto events = store_->ListCaseEvents(report.id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].text, "Belde melder terug: zeer aangeslagen.");
  EXPECT_EQ(events[0].staff_email, "h@example.nl");
  EXPECT_EQ(events[1].kind, CaseEventKind::kAssigned);
  auto stored = store_->GetReport(report.id);
  EXPECT_EQ(stored->assigned_to, handler_);
  EXPECT_TRUE(stored->consent_recorded);
  EXPECT_EQ(FileBytes().find("zeer aangeslagen"), std::string::npos);
}

TEST_F(CaseStoreTest, ReportsGoToTheBureauOfTheirArea) {
  auto second = store_->AddBureau("ADV Utrecht", 1);
  ASSERT_TRUE(second);
  EXPECT_FALSE(store_->AddBureau("ADV Utrecht", 1));
  ASSERT_TRUE(store_->AddToWorkingArea(*second, {"GM0344"}));
  EXPECT_FALSE(store_->AddToWorkingArea(99, {"GM0363"}));
  EXPECT_EQ(Add("d", "GM0344", "GM0363").bureau_id, *second);
  EXPECT_EQ(Add("e", "none", "GM0344").bureau_id, *second);
  EXPECT_EQ(Add("f", "GM0363", "unknown").bureau_id, 1);
  EXPECT_EQ(store_->CountBureauReports(*second), 2);
  EXPECT_EQ(store_->ListBureauReports(1, 10, 0).size(), 1u);
  EXPECT_EQ(store_->ListBureauStaff(1).size(), 1u);
  EXPECT_TRUE(store_->ListBureauStaff(*second).empty());
}

TEST_F(CaseStoreTest, CountsPerMunicipalityOfOneBureauOrAll) {
  auto second = store_->AddBureau("ADV Utrecht", 1);
  ASSERT_TRUE(second && store_->AddToWorkingArea(*second, {"GM0344"}));
  Add("a", "GM0344", "GM0363");  // Utrecht's bureau
  Add("b", "none", "GM0344");    // Utrecht's bureau, online
  Add("c", "none", "unknown");   // the first bureau, online
  auto of = [](const std::vector<MunicipalityCount>& counts, const std::string& code) {
    for (const auto& count : counts)
      if (count.code == code) return std::pair(count.incident, count.residence);
    return std::pair(0LL, 0LL);
  };
  int year = 2027;  // 1,800,000,000
  auto all = store_->CountByMunicipality(year);
  EXPECT_EQ(of(all, "none"), std::pair(2LL, 0LL));
  EXPECT_EQ(of(all, "GM0344"), std::pair(1LL, 1LL));
  auto utrecht = store_->CountByMunicipality(year, MassReports::kIncluded, *second);
  EXPECT_EQ(of(utrecht, "none"), std::pair(1LL, 0LL));
  EXPECT_EQ(of(utrecht, "unknown"), std::pair(0LL, 0LL));
  auto first = store_->CountByMunicipality(year, MassReports::kIncluded, 1);
  EXPECT_EQ(of(first, "none"), std::pair(1LL, 0LL));
  EXPECT_EQ(of(first, "unknown"), std::pair(0LL, 1LL));
  EXPECT_EQ(of(first, "GM0344"), std::pair(0LL, 0LL));
}

}  // namespace
}  // namespace meldpunt
