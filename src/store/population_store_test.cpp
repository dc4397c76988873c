// Population figures in the SQLite store.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "domain/reports/test_report.hpp"
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

}  // namespace
}  // namespace meldpunt
