#include "domain/figures/figures_area.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <tuple>

#include "domain/test_registry.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

using Flat = std::vector<std::tuple<std::string, std::string, std::string, long long, long long>>;

Flat Flatten(const MunicipalReport& report) {
  Flat flat;
  for (const auto& table : report.tables) {
    for (const auto& row : table.rows)
      flat.emplace_back(table.population, table.dimension, row.code, row.cell.current,
                        row.cell.previous);
    flat.emplace_back(table.population, table.dimension, "total", table.total.current,
                      table.total.previous);
  }
  return flat;
}

TEST(FiguresArea, CurrentMunicipalitiesOfAnAreaRollUpMergedCodes) {
  auto registry = Registry();
  // Weesp (GM0457) merged into Amsterdam; GM9999 does not exist.
  EXPECT_EQ(CurrentMunicipalitiesOf({"GM0599", "GM0457", "GM0363", "GM9999"}, registry),
            (std::vector<std::string>{"GM0363", "GM0599"}));
  auto codes = CodesRollingUpIntoAny({"GM0363", "GM0599"}, registry);
  EXPECT_TRUE(std::find(codes.begin(), codes.end(), "GM0457") != codes.end());
  EXPECT_TRUE(std::find(codes.begin(), codes.end(), "GM0363") != codes.end());
  EXPECT_TRUE(std::find(codes.begin(), codes.end(), "GM0599") != codes.end());
}

// The area's reports, from facts read once, equal each municipality's report on its own.
TEST(FiguresArea, EachReportEqualsTheSingleMunicipalityReport) {
  auto registry = Registry();
  const std::vector<std::string> pool = {"GM0363", "GM0457", "GM0599", "GM0344",
                                         "GM0014", "none",   "unknown"};
  const std::vector<std::string> grounds = {"origin", "age", "religion", "sex"};
  std::mt19937_64 random(7);
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 600; ++i) {
    ReportFacts fact;
    fact.id = i + 1;
    fact.reported_year = 2024 + static_cast<int>(random() % 3);
    fact.incident_year = fact.reported_year - static_cast<int>(random() % 2);
    fact.incident_municipality = pool[random() % (pool.size() - 1)];  // never "unknown"
    fact.residence_municipality = pool[random() % pool.size()];
    fact.grounds = {grounds[random() % grounds.size()]};
    if (random() % 4 == 0) fact.grounds.push_back("age");
    fact.domain = "housing";
    fact.nature = "threat";
    if (random() % 2) fact.handlings = {"registration_only"};
    fact.mass = random() % 10 == 0;
    facts.push_back(fact);
  }
  const std::vector<std::string> area = {"GM0363", "GM0599", "GM0344"};
  for (auto by : {FiguresYear::kReported, FiguresYear::kIncident}) {
    for (bool with_mass : {true, false}) {
      FiguresQuery query;
      query.year = 2025;
      query.by = by;
      query.with_mass = with_mass;
      auto reports = ComputeAreaReports(facts, area, query, registry);
      ASSERT_EQ(reports.size(), area.size());
      for (size_t i = 0; i < area.size(); ++i) {
        query.municipality = area[i];
        auto alone = ComputeMunicipalReport(facts, query, registry);
        EXPECT_EQ(reports[i].query.municipality, area[i]);
        EXPECT_EQ(reports[i].municipality_name, alone.municipality_name);
        EXPECT_EQ(Flatten(reports[i]), Flatten(alone)) << area[i];
        EXPECT_EQ(reports[i].mass_current, alone.mass_current);
        EXPECT_EQ(reports[i].mass_previous, alone.mass_previous);
      }
    }
  }
}

}  // namespace
}  // namespace meldpunt
