#include "domain/figures/public_figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "domain/test_registry.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

const PublicMunicipalityRow& Row(const PublicAreaTable& area, const std::string& code) {
  for (const auto& row : area.rows) {
    if (row.code == code) return row;
  }
  throw std::runtime_error("no row " + code);
}

// `count` reports of `year` with these places, held by bureau 1 unless said otherwise.
void Add(std::vector<ReportFacts>& facts, int year, const std::string& incident,
         const std::string& residence, int count, std::vector<std::string> grounds = {"origin"},
         long long bureau = 1) {
  for (int i = 0; i < count; ++i) {
    ReportFacts fact;
    fact.id = static_cast<long long>(facts.size()) + 1;
    fact.reported_year = year;
    fact.incident_municipality = incident;
    fact.residence_municipality = residence;
    fact.grounds = grounds;
    fact.domain = "labour";
    fact.nature = "unequal_treatment";
    fact.bureau_id = bureau;
    facts.push_back(fact);
  }
}

const FigureCell& Ground(const PublicFigures& figures, const std::string& code) {
  for (const auto& row : figures.grounds.rows) {
    if (row.code == code) return row.cell;
  }
  throw std::runtime_error("no ground " + code);
}

TEST(PublicFigures, CountsIncidentsAndResidentsPerMunicipalityOfTheArea) {
  std::vector<ReportFacts> facts;
  Add(facts, 2025, "GM0363", "GM0363", 40);
  Add(facts, 2025, "GM0363", "unknown", 10, {"religion"});
  Add(facts, 2025, "none", "GM0363", 7, {"religion"});
  Add(facts, 2025, "GM0344", "GM0344", 30, {"origin"}, 2);
  Add(facts, 2024, "GM0363", "GM0363", 30);
  Add(facts, 2023, "GM0363", "GM0363", 999);
  std::vector<NationalBureau> bureaus = {{1, "Amsterdam e.o.", {"GM0363"}},
                                         {2, "Utrecht", {"GM0344"}}};
  std::vector<PopulationFigure> population = {{"GM0363", 2025, 931'298}, {"GM0363", 2024, 918'117}};
  auto figures = ComputePublicFigures(facts, bureaus, population, Registry(), 2025, 5);

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
  EXPECT_EQ(Ground(figures, "origin").current, 70);
  EXPECT_EQ(Ground(figures, "religion").current, 17);
  EXPECT_EQ(Ground(figures, "age").current, 0) << "every ground has a row";
}

TEST(PublicFigures, ReportsHeldByAnotherBureauCountForTheMunicipality) {
  // Residents of Amsterdam (bureau 1's area) reporting incidents in Utrecht: bureau 2 holds them,
  // and they still count as reports by Amsterdam's residents.
  std::vector<ReportFacts> facts;
  Add(facts, 2025, "GM0344", "GM0363", 12, {"origin"}, 2);
  Add(facts, 2025, "GM0363", "GM0363", 20);
  auto figures = ComputePublicFigures(facts, {{1, "A", {"GM0363"}}, {2, "U", {"GM0344"}}}, {},
                                      Registry(), 2025, 5);
  EXPECT_EQ(Row(figures.areas[0], "GM0363").residents.current, 32);
  EXPECT_EQ(Row(figures.areas[1], "GM0344").incidents.current, 12);
}

TEST(PublicFigures, ASubGroundOfALaterCodeListFollowsItsParent) {
  // A parent counts its sub-grounds (GroundRowsOf), and a later sub-ground's row follows its
  // parent's family.
  std::vector<ReportFacts> facts;
  Add(facts, 2025, "GM0363", "GM0363", 20, {"religion.anti_hindu"});
  auto figures = ComputePublicFigures(facts, {{1, "A", {"GM0363"}}}, {}, Registry(), 2025, 5);
  std::vector<std::string> codes;
  for (const auto& row : figures.grounds.rows) codes.push_back(row.code);
  auto at = [&](std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) - codes.begin();
  };
  EXPECT_EQ(at("religion.anti_hindu"), at("religion.anti_muslim") + 1);
  EXPECT_EQ(Ground(figures, "religion").current, 20);
}

TEST(PublicFigures, MergedMunicipalitiesCountForTodaysOne) {
  // Weesp (GM0457) merged into Amsterdam in 2022.
  std::vector<ReportFacts> facts;
  Add(facts, 2021, "GM0457", "GM0457", 12);
  Add(facts, 2022, "GM0363", "GM0363", 20);
  auto figures = ComputePublicFigures(facts, {{1, "A", {"GM0363"}}}, {}, Registry(), 2022, 5);
  EXPECT_EQ(Row(figures.areas[0], "GM0363").incidents.previous, 12);
}

TEST(PublicFigures, SmallNumbersAreSuppressedAndCannotBeWorkedOut) {
  // Three municipalities in one area: 3 reports in one, 20 and 30 in the others.
  std::vector<ReportFacts> facts;
  Add(facts, 2025, "GM0363", "GM0363", 3);
  Add(facts, 2025, "GM0344", "GM0344", 20);
  Add(facts, 2025, "GM0599", "GM0599", 30);
  auto figures = ComputePublicFigures(facts, {{1, "A", {"GM0363", "GM0344", "GM0599"}}}, {},
                                      Registry(), 2025, 5);
  const auto& area = figures.areas[0];
  EXPECT_EQ(Row(area, "GM0363").incidents.current_state, CellState::kBelowThreshold);
  // The municipalities keep the state of their own municipal report (shown); the area's total
  // would give the "< 5" away (53 - 20 - 30), so it is the one hidden.
  EXPECT_EQ(Row(area, "GM0344").incidents.current_state, CellState::kShown);
  EXPECT_EQ(Row(area, "GM0599").incidents.current_state, CellState::kShown);
  EXPECT_EQ(area.incidents_total.current_state, CellState::kHidden);
}

TEST(PublicFigures, MunicipalityStatesAreThoseOfTheMunicipalReport) {
  // 7 reports about Amsterdam: 3 by residents, 4 by others. The municipal report shows "< 5"
  // for both parts, so its total of 7 would pin nothing... but 3 + 4 = 7 with both under 5 lets
  // a reader narrow them: the report hides the total. The public page must show it the same way.
  std::vector<ReportFacts> facts;
  Add(facts, 2025, "GM0363", "GM0363", 3);
  Add(facts, 2025, "GM0363", "GM0344", 4);
  Add(facts, 2025, "GM0344", "GM0344", 40);
  Add(facts, 2025, "GM0599", "GM0599", 40);
  MunicipalReport report =
      ComputeMunicipalReport(facts, {"GM0363", 2025, FiguresYear::kReported, true}, Registry());
  SuppressReport(report, 5);
  auto figures = ComputePublicFigures(facts, {{1, "A", {"GM0363", "GM0344", "GM0599"}}}, {},
                                      Registry(), 2025, 5);
  EXPECT_EQ(Row(figures.areas[0], "GM0363").incidents.current_state,
            report.tables.front().total.current_state);
  EXPECT_EQ(Row(figures.areas[0], "GM0363").incidents.current_state, CellState::kHidden);
}

TEST(PublicFigures, NoRateIsGivenForASuppressedCount) {
  std::vector<ReportFacts> facts;
  Add(facts, 2025, "GM0363", "GM0363", 3);
  Add(facts, 2025, "GM0344", "GM0344", 20);
  Add(facts, 2025, "GM0599", "GM0599", 30);
  std::vector<PopulationFigure> population = {{"GM0363", 2025, 1000}, {"GM0599", 2025, 20'000}};
  auto figures = ComputePublicFigures(facts, {{1, "A", {"GM0363", "GM0344", "GM0599"}}}, population,
                                      Registry(), 2025, 5);
  const auto& area = figures.areas[0];
  const auto& small = Row(area, "GM0363");
  EXPECT_FALSE(CellRateTenths(small.incidents, true, small.population));
  const auto& large = Row(area, "GM0599");
  EXPECT_EQ(CellRateTenths(large.incidents, true, large.population), 15);  // 1.5
}

}  // namespace
}  // namespace meldpunt
