#include "domain/public_figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
  std::stringstream text;
  text << in.rdbuf();
  return *MunicipalityRegistry::FromCsv(text.str());
}

const PublicMunicipalityRow& Row(const PublicAreaTable& area, const std::string& code) {
  for (const auto& row : area.rows) {
    if (row.code == code) return row;
  }
  throw std::runtime_error("no row " + code);
}

const FigureCell& Ground(const PublicFigures& figures, const std::string& code) {
  for (const auto& row : figures.grounds.rows) {
    if (row.code == code) return row.cell;
  }
  throw std::runtime_error("no ground " + code);
}

TEST(PublicFigures, CountsIncidentsAndResidentsPerMunicipalityOfTheArea) {
  ReportCounts counts;
  counts.places = {{2025, "GM0363", "GM0363", 40}, {2025, "GM0363", "unknown", 10},
                   {2025, "none", "GM0363", 7},    {2025, "GM0344", "GM0344", 30},
                   {2024, "GM0363", "GM0363", 30}, {2023, "GM0363", "GM0363", 999}};
  counts.grounds = {{2025, "origin", 60}, {2025, "religion", 27}, {2024, "origin", 30}};
  std::vector<PublicArea> areas = {{"Amsterdam e.o.", {"GM0363"}}, {"Utrecht", {"GM0344"}}};
  std::vector<PopulationFigure> population = {{"GM0363", 2025, 931'298}, {"GM0363", 2024, 918'117}};
  auto figures = ComputePublicFigures(counts, areas, population, Registry(), 2025, 5);

  ASSERT_EQ(figures.areas.size(), 2u);
  const auto& amsterdam = Row(figures.areas[0], "GM0363");
  EXPECT_EQ(amsterdam.name, "Amsterdam");
  EXPECT_EQ(amsterdam.incidents.current, 50);
  EXPECT_EQ(amsterdam.incidents.previous, 30) << "2023 is not read into either year";
  EXPECT_EQ(amsterdam.residents.current, 47);
  EXPECT_EQ(amsterdam.residents.previous, 30);
  EXPECT_EQ(amsterdam.population, 931'298);
  EXPECT_EQ(amsterdam.population_previous, 918'117);
  EXPECT_EQ(figures.areas[0].incidents_total.current, 50);
  EXPECT_FALSE(Row(figures.areas[1], "GM0344").population);

  EXPECT_EQ(figures.grounds.total.current, 87) << "every report of the year once";
  EXPECT_EQ(Ground(figures, "origin").current, 60);
  EXPECT_EQ(Ground(figures, "religion").current, 27);
  EXPECT_EQ(Ground(figures, "age").current, 0) << "every ground has a row";
}

TEST(PublicFigures, ASubGroundOfALaterCodeListFollowsItsParent) {
  // The store splits each combination into its rows (GroundRowsOf): a parent counts its
  // sub-grounds.
  ReportCounts counts;
  counts.places = {{2025, "GM0363", "GM0363", 20}};
  counts.grounds = {{2025, "religion", 20}, {2025, "religion.anti_hindu", 20}};
  auto figures = ComputePublicFigures(counts, {{"A", {"GM0363"}}}, {}, Registry(), 2025, 5);
  std::vector<std::string> codes;
  for (const auto& row : figures.grounds.rows) codes.push_back(row.code);
  auto at = [&](std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) - codes.begin();
  };
  EXPECT_EQ(at("religion.anti_hindu"), at("religion.anti_muslim") + 1);
}

TEST(PublicFigures, MergedMunicipalitiesCountForTodaysOne) {
  // Weesp (GM0457) merged into Amsterdam in 2022.
  ReportCounts counts;
  counts.places = {{2021, "GM0457", "GM0457", 12}, {2022, "GM0363", "GM0363", 20}};
  auto figures = ComputePublicFigures(counts, {{"A", {"GM0363"}}}, {}, Registry(), 2022, 5);
  EXPECT_EQ(Row(figures.areas[0], "GM0363").incidents.previous, 12);
}

TEST(PublicFigures, SmallNumbersAreSuppressedAndCannotBeWorkedOut) {
  // Three municipalities in one area: 3 reports in one, 20 and 30 in the others.
  ReportCounts counts;
  counts.places = {{2025, "GM0363", "GM0363", 3},
                   {2025, "GM0344", "GM0344", 20},
                   {2025, "GM0599", "GM0599", 30}};
  auto figures = ComputePublicFigures(counts, {{"A", {"GM0363", "GM0344", "GM0599"}}}, {},
                                      Registry(), 2025, 5);
  const auto& area = figures.areas[0];
  EXPECT_EQ(Row(area, "GM0363").incidents.current_state, CellState::kBelowThreshold);
  EXPECT_EQ(area.incidents_total.current_state, CellState::kShown) << "the total stays";
  // With the total shown, the "< 5" would be 53 - 20 - 30: the smallest other cell is hidden.
  EXPECT_EQ(Row(area, "GM0344").incidents.current_state, CellState::kHidden);
  EXPECT_EQ(Row(area, "GM0599").incidents.current_state, CellState::kShown);
  EXPECT_FALSE(Row(area, "GM0344").incidents.change_shown());
}

TEST(PublicFigures, NoRateIsGivenForASuppressedCount) {
  ReportCounts counts;
  counts.places = {{2025, "GM0363", "GM0363", 3},
                   {2025, "GM0344", "GM0344", 20},
                   {2025, "GM0599", "GM0599", 30}};
  std::vector<PopulationFigure> population = {{"GM0363", 2025, 1000}, {"GM0599", 2025, 20'000}};
  auto figures = ComputePublicFigures(counts, {{"A", {"GM0363", "GM0344", "GM0599"}}}, population,
                                      Registry(), 2025, 5);
  const auto& area = figures.areas[0];
  const auto& small = Row(area, "GM0363");
  EXPECT_FALSE(CellRateTenths(small.incidents, true, small.population));
  const auto& large = Row(area, "GM0599");
  EXPECT_EQ(CellRateTenths(large.incidents, true, large.population), 15);  // 1.5
}

}  // namespace
}  // namespace meldpunt
