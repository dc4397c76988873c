// The year and month of a report by the Dutch calendar in the SQLite store: what AddReport and
// AddReportBatch write as reported_year, the references, the figures' month, and migration 24,
// which recomputes the year of reports stored before it.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>

#include "domain/reports/test_report.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class DutchCalendarStoreTest : public SqliteStoreFixture {
 protected:
  long long StoredYear(long long id) {
    soci::session sql(soci::sqlite3, "db=" + (dir_ / "m.db").string());
    int year = 0;
    sql << "SELECT reported_year FROM reports WHERE id = :id", soci::use(id), soci::into(year);
    return year;
  }
};

long long Utc(int y, unsigned mo, unsigned d, int h, int mi) {
  namespace chrono = std::chrono;
  chrono::sys_days date{chrono::year{y} / chrono::month{mo} / chrono::day{d}};
  return chrono::duration_cast<chrono::seconds>(date.time_since_epoch()).count() + h * 3600 +
         mi * 60;
}

// 00:27 on 1 January 2026, Dutch time.
const long long kNewYear = Utc(2025, 12, 31, 23, 27);

TEST_F(DutchCalendarStoreTest, AReportJustAfterMidnightOnNewYearIsOfTheNewYear) {
  auto stored = store_->AddReport(TestReport("New Year.", "GM0363", "GM0363"), kNewYear);
  EXPECT_EQ(stored.reference, "MP-2026-" + std::string(6 - std::to_string(stored.id).size(), '0') +
                                  std::to_string(stored.id));
  EXPECT_EQ(StoredYear(stored.id), 2026);
  auto facts = store_->ListReportFacts(2026, 2026, {"GM0363"});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].reported_year, 2026);
  EXPECT_EQ(facts[0].reported_month, 1);
  EXPECT_TRUE(store_->ListReportFacts(2025, 2025, {"GM0363"}).empty());
  auto listed = store_->ListReports(10, 0);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].reference, stored.reference);
}

TEST_F(DutchCalendarStoreTest, BulkReportsTakeTheDutchYearAndMonth) {
  BatchReport new_year;
  new_year.report = TestReport("New Year.", "GM0363", "GM0363");
  new_year.report.received_at = kNewYear;
  // 00:30 on 1 April, summer time (UTC+2): 22:30 on 31 March in UTC.
  BatchReport april;
  april.report = TestReport("April.", "GM0363", "GM0363");
  april.report.received_at = Utc(2026, 3, 31, 22, 30);
  auto ids = store_->AddReportBatch({new_year, april}, kNewYear);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(StoredYear(ids[0]), 2026);
  auto facts = store_->ListReportFacts(2026, 2026, {"GM0363"});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].reported_month, 1);
  EXPECT_EQ(facts[1].reported_month, 4);
}

// Migration 24: reports stored with the UTC year before it get the Dutch year; others keep theirs.
TEST_F(DutchCalendarStoreTest, MigrationGivesEarlierReportsTheDutchYear) {
  auto new_year = store_->AddReport(TestReport("New Year.", "GM0363", "GM0363"), kNewYear);
  auto eve = store_->AddReport(TestReport("Eve.", "GM0363", "GM0363"), Utc(2025, 12, 31, 22, 59));
  auto summer =
      store_->AddReport(TestReport("Summer.", "GM0363", "GM0363"), Utc(2025, 7, 1, 23, 30));
  store_.reset();
  std::string file = (dir_ / "m.db").string();
  {
    // As the UTC year was stored before migration 24.
    soci::session sql(soci::sqlite3, "db=" + file);
    sql << "UPDATE reports SET reported_year = 2025";
    sql << "DELETE FROM schema_migrations WHERE version = 24";
  }
  Key key;
  key.fill(5);
  store_ = OpenStore("sqlite:" + file, key, key);
  EXPECT_EQ(StoredYear(new_year.id), 2026);
  EXPECT_EQ(StoredYear(eve.id), 2025);
  EXPECT_EQ(StoredYear(summer.id), 2025);
  auto counts = store_->CountByMunicipality(2026);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].incident, 1);
}

}  // namespace
}  // namespace meldpunt
