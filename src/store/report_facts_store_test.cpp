// The figures' per-report facts from the SQLite store: the clear columns, grounds, mass links,
// filtered by year and municipality code.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class ReportFactsStoreTest : public SqliteStoreFixture {};

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

TEST_F(ReportFactsStoreTest, ReadsTheMonthOfReporting) {
  // 31 March 2025, 23:30 UTC and 1 April 2025, 00:30 UTC: the months of the UTC dates, as the
  // year is taken.
  long long end_of_march = StartOfYearUnixSeconds(2025) + (31 + 28 + 31) * 86400LL - 1800;
  store_->AddReport(TestReport("March.", "GM0363", "GM0363"), end_of_march);
  store_->AddReport(TestReport("April.", "GM0363", "GM0363"), end_of_march + 3600);
  auto facts = store_->ListReportFacts(2025, 2025, {"GM0363"});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].reported_month, 3);
  EXPECT_EQ(facts[1].reported_month, 4);
  EXPECT_EQ(facts[1].reported_year, 2025);
}

}  // namespace
}  // namespace meldpunt
