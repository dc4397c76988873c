#include "domain/figures/working_area.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/test_registry.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

bool Holds(const std::vector<std::string>& area, const char* code) { return AreaHolds(area, code); }

TEST(WorkingArea, ABureauSeesItsListedMunicipalities) {
  auto registry = Registry();
  std::vector<ListedArea> bureaus = {{1, {"GM0363"}}, {2, {"GM0599", "GM0344"}}};
  EXPECT_EQ(WorkingAreaOf(2, bureaus, registry), (std::vector<std::string>{"GM0344", "GM0599"}));
  EXPECT_TRUE(WorkingAreaOf(3, bureaus, registry).empty()) << "no such bureau";
}

TEST(WorkingArea, TheFirstBureauAlsoHoldsEveryMunicipalityNobodyLists) {
  auto registry = Registry();
  std::vector<ListedArea> bureaus = {{2, {"GM0599"}}, {1, {"GM0363"}}};  // in any order
  auto first = WorkingAreaOf(1, bureaus, registry);
  EXPECT_EQ(first.size(), registry.Current().size() - 1);
  EXPECT_TRUE(Holds(first, "GM0363"));
  EXPECT_TRUE(Holds(first, "GM0014"));  // Groningen: nobody's, so the first bureau's
  EXPECT_FALSE(Holds(first, "GM0599"));
  EXPECT_FALSE(Holds(first, "GM0457")) << "a merged municipality is no row of its own";
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
  // Alone, the first bureau holds the whole country.
  EXPECT_EQ(WorkingAreaOf(1, {{1, {}}}, registry).size(), registry.Current().size());
}

TEST(WorkingArea, AListedMergedCodeStandsForTodaysMunicipality) {
  auto registry = Registry();
  // Weesp (GM0457) merged into Amsterdam (GM0363): an area that still lists Weesp has Amsterdam,
  // and Amsterdam is then no longer the first bureau's.
  std::vector<ListedArea> bureaus = {{1, {}}, {2, {"GM0457", "GM9999"}}};
  EXPECT_EQ(WorkingAreaOf(2, bureaus, registry), (std::vector<std::string>{"GM0363"}));
  EXPECT_FALSE(Holds(WorkingAreaOf(1, bureaus, registry), "GM0363"));
}

}  // namespace
}  // namespace meldpunt
