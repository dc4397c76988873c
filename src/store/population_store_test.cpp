// Population figures and the grouped counts of the public figures, in the SQLite store.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "domain/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class PopulationStoreTest : public SqliteStoreFixture {};

TEST_F(PopulationStoreTest, WritesAndOverwritesFiguresPerMunicipalityAndYear) {
  store_->WritePopulation({{"GM0363", 2025, 931'298}, {"GM0599", 2025, 664'311}}, 0, 100);
  store_->WritePopulation({{"GM0363", 2025, 931'300}, {"GM0363", 2024, 918'117}}, 0, 200);
  auto figures = store_->ListPopulation(2025, 2025);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].municipality, "GM0363");
  EXPECT_EQ(figures[0].inhabitants, 931'300) << "the later figure wins";
  EXPECT_EQ(figures[1].inhabitants, 664'311) << "a figure not written again stays";
  EXPECT_EQ(store_->ListPopulation(2024, 2025).size(), 3u);
}

TEST_F(PopulationStoreTest, CountsReportsPerYearPlaceAndGround) {
  long long in_2026 = StartOfYearUnixSeconds(2026) + 3600;
  long long in_2025 = StartOfYearUnixSeconds(2025) + 3600;
  store_->AddReport(TestReport("One.", "GM0363", "unknown"), in_2026);
  store_->AddReport(TestReport("Two.", "GM0363", "unknown"), in_2026);
  store_->AddReport(TestReport("Three.", "none", "GM0363"), in_2025);
  store_->AddReport(TestReport("Early.", "GM0363", "GM0363"), StartOfYearUnixSeconds(2024));

  auto counts = store_->CountReportsByPlace(2025, 2026);
  ASSERT_EQ(counts.places.size(), 2u);
  auto here = std::find_if(counts.places.begin(), counts.places.end(),
                           [](const PlaceCount& p) { return p.year == 2026; });
  ASSERT_NE(here, counts.places.end());
  EXPECT_EQ(here->incident_municipality, "GM0363");
  EXPECT_EQ(here->residence_municipality, "unknown");
  EXPECT_EQ(here->count, 2);
  long long origin_2026 = 0;
  for (const auto& ground : counts.grounds) {
    if (ground.year == 2026 && ground.ground == "origin") origin_2026 = ground.count;
  }
  EXPECT_EQ(origin_2026, 2);
}

TEST_F(PopulationStoreTest, AParentGroundCountsItsSubGroundsOnce) {
  long long in_2026 = StartOfYearUnixSeconds(2026) + 3600;
  NewReport antisemitism = TestReport("Only a sub-ground.");
  antisemitism.grounds = {"religion.antisemitism"};
  NewReport both = TestReport("Origin and a sub-ground of it.");
  both.grounds = {"origin", "origin.anti_black"};
  store_->AddReport(antisemitism, in_2026);
  store_->AddReport(both, in_2026);

  std::map<std::string, long long> by_ground;
  for (const auto& ground : store_->CountReportsByPlace(2026, 2026).grounds)
    by_ground[ground.ground] += ground.count;
  EXPECT_EQ(
      by_ground,
      (std::map<std::string, long long>{
          {"origin", 1}, {"origin.anti_black", 1}, {"religion", 1}, {"religion.antisemitism", 1}}));
}

}  // namespace
}  // namespace meldpunt
