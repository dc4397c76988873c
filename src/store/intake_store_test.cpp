// Staff intake in the SQLite store: who registered a report, the day it was received, and audit
// entries without a staff member.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/reports/intake.hpp"
#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class IntakeStoreTest : public SqliteStoreFixture {
 protected:
  IntakeStoreTest() : SqliteStoreFixture(KeyOf(4), KeyOf(4)) {}
};

TEST_F(IntakeStoreTest, RecordsWhoRegisteredAReportAndTheDayItCameIn) {
  ASSERT_TRUE(store_->AddUser({"intake@example.nl", "hash", StaffRole::kIntake, 1, ""}, 10));
  long long staff = store_->FindUser("intake@example.nl")->id;
  long long now = StartOfYearUnixSeconds(2027) + 3600;  // registered on 1 January 2027 …
  NewReport letter = TestReport("A letter from December.");
  letter.channel = "letter";
  letter.registered_by = staff;
  letter.received_at = ReceivedAtNoonUtc(*ParseIsoDate("2026-12-30"));  // … received before
  auto stored = store_->AddReport(letter, now);
  EXPECT_EQ(stored.reference.substr(0, 8), "MP-2026-") << "the year it came in";
  auto read = store_->GetReport(stored.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->channel, "letter");
  EXPECT_EQ(FormatIsoDate(DateOfUnixSeconds(read->reported_at)), "2026-12-30");
  EXPECT_EQ(store_->CountByMunicipality(2026).size(), 2u) << "counted in 2026";
  EXPECT_TRUE(store_->CountByMunicipality(2027).empty());

  auto intake = store_->GetReportIntake(stored.id);
  ASSERT_TRUE(intake);
  EXPECT_EQ(intake->staff_user_id, staff);
  EXPECT_EQ(intake->staff_email, "intake@example.nl");
  EXPECT_EQ(intake->registered_at, now);

  auto web = store_->AddReport(TestReport("From the website."), now);
  EXPECT_EQ(store_->GetReport(web.id)->channel, "web");
  EXPECT_EQ(store_->GetReport(web.id)->reported_at, now);
  EXPECT_FALSE(store_->GetReportIntake(web.id)) << "nobody registered it by hand";
}

TEST_F(IntakeStoreTest, AuditsWhatMeldpuntDidByItself) {
  store_->AuditSystem("report.closed.registration_only", "MP-2026-000001", 5);
  store_->AuditSystem("report.closed.registration_only", "MP-2026-000002", 6);
  EXPECT_EQ(store_->CountAudit("report.closed.registration_only"), 2);
}

}  // namespace
}  // namespace meldpunt
