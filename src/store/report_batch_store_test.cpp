// AddReportBatch on a real SQLite file: reports come back decrypted, routed, with grounds, closed
// cases with their handlings, and linked to a mass event; the event may be made by nobody.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

constexpr long long kNow = 1'800'000'000;  // in 2027

class ReportBatchStore : public SqliteStoreFixture {
 protected:
  ReportBatchStore() : SqliteStoreFixture(KeyOf(9), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    utrecht_ = *store_->AddBureau("ADV Utrecht", 1);
    ASSERT_TRUE(store_->AddToWorkingArea(utrecht_, {"GM0344"}));
  }
  long long utrecht_ = 0;
};

TEST_F(ReportBatchStore, ReportsAreStoredAsAddReportWouldWithTheirCase) {
  auto event = store_->AddMassEvent({1, "Demo: talkshow", "", "2027-01-10", 0}, kNow);
  ASSERT_TRUE(event.has_value());

  BatchReport open;
  open.report = TestReport("Eerste verzonnen melding", "GM0344");
  open.report.received_at = kNow - 86400;
  BatchReport closed;
  closed.report = TestReport("Tweede verzonnen melding", "GM0363", "unknown", "",
                             Contact{"Demo Melder", "demo@example.nl", "", "", "", ""});
  closed.report.wishes = {"advice"};
  closed.handlings = {"advice", "referral"};
  closed.outcome = "referred";
  closed.closed_at = kNow - 3600;
  BatchReport mass;
  mass.report = TestReport("Derde verzonnen melding", "none");
  mass.bureau_id = 1;
  mass.mass_event_id = event;
  // Of the same burst, routed to the other bureau: still linked to bureau 1's event.
  BatchReport routed_mass;
  routed_mass.report = TestReport("Vierde verzonnen melding", "none", "GM0344");
  routed_mass.mass_event_id = event;

  auto ids = store_->AddReportBatch({open, closed, mass, routed_mass}, kNow);
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(store_->CountReports(), 4);
  EXPECT_EQ(store_->GetReport(ids[3])->bureau_id, utrecht_);  // routed by the residence

  auto first = store_->GetReport(ids[0]);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->description, "Eerste verzonnen melding");
  EXPECT_EQ(first->bureau_id, utrecht_);  // routed by the incident's municipality
  EXPECT_EQ(first->reported_at, kNow - 86400);
  EXPECT_EQ(first->grounds, (std::vector<std::string>{"origin", "religion.anti_muslim"}));
  EXPECT_EQ(first->step, CaseStep::kReceived);
  EXPECT_EQ(first->status, ReportStatus::kReceived);
  EXPECT_FALSE(first->closed_at.has_value());

  auto second = store_->GetReport(ids[1]);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->bureau_id, 1);
  ASSERT_TRUE(second->contact.has_value());
  EXPECT_EQ(second->contact->email, "demo@example.nl");
  EXPECT_TRUE(second->is_complaint);
  EXPECT_EQ(second->step, CaseStep::kClosed);
  EXPECT_EQ(second->status, ReportStatus::kClosed);
  EXPECT_EQ(second->handlings, (std::vector<std::string>{"advice", "referral"}));
  EXPECT_EQ(second->outcome, "referred");
  EXPECT_EQ(second->closed_at.value_or(0), kNow - 3600);
  EXPECT_EQ(second->reported_at, kNow);  // no received_at: the batch's now

  auto linked = store_->GetMassEvent(*event, 1);
  ASSERT_TRUE(linked.has_value());
  EXPECT_EQ(linked->linked, 1);
  EXPECT_EQ(linked->linked_elsewhere, 1);
  EXPECT_TRUE(linked->created_by_email.empty());
  EXPECT_EQ(store_->GetMassEvent(*event, utrecht_)->linked, 1);
}

TEST_F(ReportBatchStore, AnEmptyBatchStoresNothing) {
  EXPECT_TRUE(store_->AddReportBatch({}, kNow).empty());
  EXPECT_EQ(store_->CountReports(), 0);
}

}  // namespace
}  // namespace meldpunt
