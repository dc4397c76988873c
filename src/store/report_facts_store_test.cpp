// The figures' per-report facts from the SQLite store: the clear columns, grounds, mass links,
// filtered by year and municipality code.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <filesystem>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class ReportFactsStoreTest : public SqliteStoreFixture {};

// Closes a case with the handlings "referral" and "advice", by the system.
CaseChange Closing(long long report_id, long long expected_version) {
  return CaseChange{.report_id = report_id,
                    .expected_version = expected_version,
                    .kind = CaseEventKind::kClosed,
                    .step = CaseStep::kClosed,
                    .close = std::make_pair(std::vector<std::string>{"referral", "advice"},
                                            std::string("resolved"))};
}

TEST_F(ReportFactsStoreTest, ReadsTheClassificationOfReportsInTheYearsAndMunicipalities) {
  long long in_2026 = StartOfYearUnixSeconds(2026) + 3600;
  long long in_2025 = StartOfYearUnixSeconds(2025) + 3600;
  auto here = store_->AddReport(TestReport("Here.", "GM0457", "unknown"), in_2026);
  store_->AddReport(TestReport("Resident.", "none", "GM0363"), in_2025);
  store_->AddReport(TestReport("Elsewhere.", "GM0599", "GM0599"), in_2026);
  store_->AddReport(TestReport("Too early.", "GM0363", "GM0363"), StartOfYearUnixSeconds(2024));

  auto facts = store_->ListReportFacts(2025, 2026, {"GM0363", "GM0457"});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].id, here.id);
  EXPECT_EQ(facts[0].reported_year, 2026);
  EXPECT_EQ(facts[0].incident_year, 2026);
  EXPECT_EQ(facts[0].incident_municipality, "GM0457") << "the original code";
  EXPECT_EQ(facts[0].residence_municipality, "unknown");
  EXPECT_EQ(facts[0].grounds, (std::vector<std::string>{"origin", "religion.anti_muslim"}));
  EXPECT_EQ(facts[0].domain, "public_space");
  EXPECT_EQ(facts[0].nature, "hostile_treatment");
  EXPECT_TRUE(facts[0].handlings.empty());
  EXPECT_FALSE(facts[0].mass);
  EXPECT_EQ(facts[1].reported_year, 2025);
  EXPECT_EQ(facts[1].residence_municipality, "GM0363");

  EXPECT_THROW(store_->ListReportFacts(2025, 2026, {"GM0363' OR 1=1 --"}), StoreError);
  EXPECT_THROW(store_->ListReportFacts(2025, 2026, {}), StoreError);
}

// The read is two index ranges (reports about the municipalities, then those by their
// residents about somewhere else): a report that matches both comes once, and all come in id
// order whichever range found them.
TEST_F(ReportFactsStoreTest, AReportAboutAndByTheMunicipalitiesComesOnceInIdOrder) {
  long long at = StartOfYearUnixSeconds(2025) + 3600;
  auto by_resident = store_->AddReport(TestReport("Resident.", "GM0599", "GM0363"), at);
  auto both = store_->AddReport(TestReport("Both.", "GM0363", "GM0363"), at + 1);
  auto merged = store_->AddReport(TestReport("Weesp, Amsterdam.", "GM0457", "GM0363"), at + 2);
  auto about = store_->AddReport(TestReport("About.", "GM0363", "unknown"), at + 3);
  store_->AddReport(TestReport("Elsewhere.", "GM0599", "GM0599"), at + 4);
  auto resident_of_weesp = store_->AddReport(TestReport("Weesp.", "none", "GM0457"), at + 5);

  auto facts = store_->ListReportFacts(2025, 2025, {"GM0363", "GM0457"});
  std::vector<long long> ids;
  for (const auto& fact : facts) ids.push_back(fact.id);
  EXPECT_EQ(ids, (std::vector<long long>{by_resident.id, both.id, merged.id, about.id,
                                         resident_of_weesp.id}));
  // Asked for one side's code only, the other report is found by its other place.
  auto amsterdam = store_->ListReportFacts(2025, 2025, {"GM0363"});
  EXPECT_EQ(amsterdam.size(), 4u);
}

TEST_F(ReportFactsStoreTest, ReadsTheMonthOfReporting) {
  // 31 March 2025, 23:30 and 1 April 2025, 00:30 Dutch summer time (21:30 and 22:30 UTC, both
  // on 31 March): the months of the Dutch calendar, as the year is taken.
  long long end_of_march = StartOfYearUnixSeconds(2025) + (31 + 28 + 31) * 86400LL - 9000;
  store_->AddReport(TestReport("March.", "GM0363", "GM0363"), end_of_march);
  store_->AddReport(TestReport("April.", "GM0363", "GM0363"), end_of_march + 3600);
  auto facts = store_->ListReportFacts(2025, 2025, {"GM0363"});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].reported_month, 3);
  EXPECT_EQ(facts[1].reported_month, 4);
  EXPECT_EQ(facts[1].reported_year, 2025);
}

// The figures read a report's codes from its row (reports.ground_codes, handling_codes); the
// record is report_grounds and report_handlings, which GetReport reads. Every writer keeps both.
TEST_F(ReportFactsStoreTest, TheCodesOnTheReportRowFollowEveryWriter) {
  long long at = StartOfYearUnixSeconds(2025) + 3600;
  auto codes_agree = [&](long long id) {
    auto report = store_->GetReport(id);
    EXPECT_TRUE(report.has_value());
    if (!report) return std::make_pair(std::vector<std::string>{}, std::vector<std::string>{});
    for (const auto& fact : store_->ListReportFacts(2025, 2025, {"GM0363"})) {
      if (fact.id != id) continue;
      auto grounds = report->grounds;
      auto handlings = report->handlings;
      std::sort(grounds.begin(), grounds.end());
      std::sort(handlings.begin(), handlings.end());
      EXPECT_EQ(fact.grounds, grounds);
      EXPECT_EQ(fact.handlings, handlings);
      return std::make_pair(fact.grounds, fact.handlings);
    }
    ADD_FAILURE() << "report " << id << " not in the facts";
    return std::make_pair(std::vector<std::string>{}, std::vector<std::string>{});
  };
  auto report = store_->AddReport(TestReport("Row codes.", "GM0363", "GM0363"), at);
  EXPECT_EQ(codes_agree(report.id).first,
            (std::vector<std::string>{"origin", "religion.anti_muslim"}));

  CaseChange classify{.report_id = report.id,
                      .expected_version = 0,
                      .kind = CaseEventKind::kClassified,
                      .classify = CaseChange::Classification{
                          "insult", {"sexual_orientation", "age", "disability"}, "work", "2026"}};
  ASSERT_TRUE(store_->ApplyCaseChange(classify, at + 10));
  EXPECT_EQ(codes_agree(report.id).first,
            (std::vector<std::string>{"age", "disability", "sexual_orientation"}));

  CaseChange close = Closing(report.id, 1);
  ASSERT_TRUE(store_->ApplyCaseChange(close, at + 20));
  EXPECT_EQ(codes_agree(report.id).second, (std::vector<std::string>{"advice", "referral"}));

  CaseChange reopen{.report_id = report.id,
                    .expected_version = 2,
                    .kind = CaseEventKind::kReopened,
                    .step = CaseStep::kEvaluation};
  ASSERT_TRUE(store_->ApplyCaseChange(reopen, at + 30));
  EXPECT_TRUE(codes_agree(report.id).second.empty());

  BatchReport closed;
  closed.report = TestReport("Batch.", "GM0363");
  closed.report.received_at = at;
  closed.handlings = {"referral", "advice"};
  closed.outcome = "referred";
  closed.closed_at = at + 60;
  closed.bureau_id = 1;
  auto ids = store_->AddReportBatch({closed}, at + 100);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(codes_agree(ids[0]).second, (std::vector<std::string>{"advice", "referral"}));
}

// Migration 22 fills the row's codes of the reports stored before it, from the two tables.
TEST_F(ReportFactsStoreTest, MigrationFillsTheCodesOfEarlierReports) {
  long long at = StartOfYearUnixSeconds(2025) + 3600;
  auto report = store_->AddReport(TestReport("Before.", "GM0363", "GM0363"), at);
  CaseChange close = Closing(report.id, 0);
  ASSERT_TRUE(store_->ApplyCaseChange(close, at + 20));
  store_.reset();
  std::string file = (dir_ / "m.db").string();
  {
    // Back to the schema of migration 21.
    soci::session sql(soci::sqlite3, "db=" + file);
    sql << "DROP INDEX reports_by_year_figures";
    sql << "CREATE INDEX reports_by_year_places ON reports (reported_year, "
           "incident_municipality, residence_municipality)";
    sql << "DROP INDEX reports_figures_by_incident";
    sql << "DROP INDEX reports_figures_by_residence";
    sql << "ALTER TABLE reports DROP COLUMN ground_codes";
    sql << "ALTER TABLE reports DROP COLUMN handling_codes";
    sql << "CREATE INDEX reports_figures_by_incident ON reports (incident_municipality, "
           "reported_year, residence_municipality, incident_date, social_domain, nature, "
           "mass_event_id, reported_at)";
    sql << "CREATE INDEX reports_figures_by_residence ON reports (residence_municipality, "
           "reported_year, incident_municipality, incident_date, social_domain, nature, "
           "mass_event_id, reported_at)";
    sql << "DELETE FROM schema_migrations WHERE version IN (22, 23)";
  }
  Key key;
  key.fill(5);
  store_ = OpenStore("sqlite:" + file, key, key);
  auto facts = store_->ListReportFacts(2025, 2025, {"GM0363"});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].grounds, (std::vector<std::string>{"origin", "religion.anti_muslim"}));
  EXPECT_EQ(facts[0].handlings, (std::vector<std::string>{"advice", "referral"}));
}

}  // namespace
}  // namespace meldpunt
