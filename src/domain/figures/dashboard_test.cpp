#include "domain/figures/dashboard.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "domain/figures/suppression.hpp"
#include "domain/test_registry.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

ReportFacts Fact(int year, int month, std::string incident, std::string residence,
                 std::vector<std::string> grounds = {"origin"}) {
  static long long next_id = 1;
  ReportFacts fact;
  fact.id = next_id++;
  fact.reported_year = year;
  fact.reported_month = month;
  fact.incident_municipality = std::move(incident);
  fact.residence_municipality = std::move(residence);
  fact.grounds = std::move(grounds);
  fact.domain = "housing";
  fact.nature = "threat";
  return fact;
}

const FigureTable& Table(const Dashboard& dashboard, std::string_view dimension) {
  for (const auto& table : dashboard.tables) {
    if (table.dimension == dimension) return table;
  }
  throw std::runtime_error("no such table");
}

const FigureCell& Row(const FigureTable& table, std::string_view code) {
  for (const auto& row : table.rows) {
    if (row.code == code) return row.cell;
  }
  throw std::runtime_error("no such row: " + std::string(code));
}

DashboardQuery Query(std::vector<std::string> area) {
  DashboardQuery query;
  query.from_month = MonthIndex(2025, 11);
  query.to_month = MonthIndex(2026, 2);
  query.area = std::move(area);
  return query;
}

TEST(Dashboard, MonthIndexRoundTrips) {
  EXPECT_EQ(MonthIndex(2026, 1) - MonthIndex(2025, 12), 1);
  EXPECT_EQ(YearOfMonthIndex(MonthIndex(2026, 12)), 2026);
  EXPECT_EQ(MonthOfMonthIndex(MonthIndex(2026, 12)), 12);
  EXPECT_EQ(MonthCode(MonthIndex(2026, 3)), "2026-03");
}

TEST(Dashboard, CountsPerMonthOfReportingInThePeriodOnly) {
  std::vector<ReportFacts> facts = {
      Fact(2025, 10, "GM0363", "GM0363"),  // before the period
      Fact(2025, 11, "GM0363", "GM0363"), Fact(2025, 11, "GM0363", "GM0363"),
      Fact(2026, 1, "GM0363", "GM0363"),  Fact(2026, 2, "GM0363", "GM0363"),
      Fact(2026, 3, "GM0363", "GM0363"),  // after it
  };
  auto dashboard = ComputeDashboard(facts, Query({"GM0363"}), Registry());
  const auto& months = Table(dashboard, kDimensionMonth);
  ASSERT_EQ(months.rows.size(), 4u) << "every month of the period, also without reports";
  EXPECT_EQ(months.rows[0].code, "2025-11");
  EXPECT_EQ(months.rows[3].code, "2026-02");
  EXPECT_EQ(Row(months, "2025-11").current, 2);
  EXPECT_EQ(Row(months, "2025-12").current, 0);
  EXPECT_EQ(Row(months, "2026-01").current, 1);
  EXPECT_EQ(Row(months, "2026-02").current, 1);
  EXPECT_EQ(months.total.current, 4);
  for (const auto& table : dashboard.tables) EXPECT_EQ(table.total.current, 4) << table.dimension;
}

TEST(Dashboard, CountsEachCodeAndEveryCodeOfTheListHasARow) {
  std::vector<ReportFacts> facts = {Fact(2026, 1, "GM0363", "GM0363", {"origin", "age"}),
                                    Fact(2026, 1, "GM0363", "GM0363", {"age"})};
  facts[1].handlings = {"referral", "mediation"};
  facts[1].nature = "violence";
  auto dashboard = ComputeDashboard(facts, Query({"GM0363"}), Registry());
  const auto& grounds = Table(dashboard, "ground");
  EXPECT_TRUE(grounds.multiple_per_report);
  EXPECT_EQ(Row(grounds, "origin").current, 1);
  EXPECT_EQ(Row(grounds, "age").current, 2);
  EXPECT_EQ(Row(grounds, "religion").current, 0) << "a row at zero";
  EXPECT_EQ(grounds.total.current, 2) << "each report once";
  const auto& handlings = Table(dashboard, "handling");
  EXPECT_EQ(Row(handlings, kHandlingOpen).current, 1) << "the case without a handling";
  EXPECT_EQ(Row(handlings, "referral").current, 1);
  EXPECT_EQ(Row(handlings, "mediation").current, 1);
  EXPECT_EQ(Row(Table(dashboard, "nature"), "violence").current, 1);
  EXPECT_EQ(Row(Table(dashboard, "nature"), "threat").current, 1);
  EXPECT_EQ(Row(Table(dashboard, "domain"), "housing").current, 2);
}

TEST(Dashboard, AParentGroundCountsEveryReportWithOneOfItsSubGroundsOnce) {
  std::vector<ReportFacts> facts = {
      Fact(2026, 1, "GM0363", "GM0363", {"religion.antisemitism"}),
      Fact(2026, 1, "GM0363", "GM0363", {"origin", "origin.anti_black"}),
  };
  auto dashboard = ComputeDashboard(facts, Query({"GM0363"}), Registry());
  const auto& grounds = Table(dashboard, "ground");
  EXPECT_EQ(grounds.total.current, 2);
  EXPECT_EQ(Row(grounds, "religion").current, 1);
  EXPECT_EQ(Row(grounds, "religion.antisemitism").current, 1);
  EXPECT_EQ(Row(grounds, "origin").current, 1) << "once, not once per code";
  EXPECT_EQ(Row(grounds, "origin.anti_black").current, 1);
}

TEST(Dashboard, AreaByIncidentOrResidenceWithMergedMunicipalitiesRolledUp) {
  std::vector<ReportFacts> facts = {
      Fact(2026, 1, "GM0457", "unknown"),  // Weesp, merged into Amsterdam
      Fact(2026, 1, "none", "GM0363"),     // online, by a resident
      Fact(2026, 1, "GM0599", "GM0363"),   // in Rotterdam, by a resident
      Fact(2026, 1, "GM0599", "GM0599"),   // not in the area at all
  };
  auto dashboard = ComputeDashboard(facts, Query({"GM0363"}), Registry());
  const auto& places = Table(dashboard, kDimensionMunicipality);
  EXPECT_EQ(places.total.current, 3);
  ASSERT_EQ(places.rows.size(), 3u);
  EXPECT_EQ(places.rows[0].code, "GM0363");
  EXPECT_EQ(places.rows[0].cell.current, 1) << "Weesp counts for Amsterdam";
  EXPECT_EQ(Row(places, kRowOutsideArea).current, 1);
  EXPECT_EQ(Row(places, kIncidentNotApplicable).current, 1);

  // A working area of two municipalities, in the order given.
  auto both = ComputeDashboard(facts, Query({"GM0599", "GM0363"}), Registry());
  const auto& area = Table(both, kDimensionMunicipality);
  EXPECT_EQ(area.total.current, 4);
  EXPECT_EQ(area.rows[0].code, "GM0599");
  EXPECT_EQ(area.rows[0].cell.current, 2);
  EXPECT_EQ(area.rows[1].cell.current, 1);
  EXPECT_EQ(Row(area, kRowOutsideArea).current, 0);
}

TEST(Dashboard, ALargeAreaListsOnlyMunicipalitiesWithReports) {
  auto registry = Registry();
  std::vector<std::string> area;
  for (const auto& municipality : registry.Current()) area.push_back(municipality.code);
  ASSERT_GT(area.size(), kMaxAreaRowsAtZero);
  std::vector<ReportFacts> facts = {Fact(2026, 1, "GM0599", "GM0599"),
                                    Fact(2026, 1, "GM0457", "GM0599")};
  auto dashboard = ComputeDashboard(facts, Query(area), registry);
  const auto& places = Table(dashboard, kDimensionMunicipality);
  ASSERT_EQ(places.rows.size(), 4u);
  EXPECT_EQ(Row(places, "GM0599").current, 1);
  EXPECT_EQ(Row(places, "GM0363").current, 1);
  EXPECT_EQ(places.total.current, 2);
}

TEST(Dashboard, MassReportsInOrOutAsAWhole) {
  std::vector<ReportFacts> facts = {Fact(2026, 1, "none", "GM0363"),
                                    Fact(2026, 1, "GM0363", "GM0363")};
  facts[0].mass = true;
  auto query = Query({"GM0363"});
  auto with = ComputeDashboard(facts, query, Registry());
  EXPECT_EQ(with.tables[0].total.current, 2);
  EXPECT_EQ(with.mass, 1);
  query.with_mass = false;
  auto without = ComputeDashboard(facts, query, Registry());
  EXPECT_EQ(without.tables[0].total.current, 1);
  EXPECT_EQ(without.mass, 0);
}

TEST(Dashboard, SuppressionLeavesNoSmallNumberToWorkOut) {
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 9; ++i) facts.push_back(Fact(2026, 1, "GM0363", "GM0363"));
  for (int i = 0; i < 2; ++i) facts.push_back(Fact(2026, 2, "GM0363", "GM0363"));
  facts.back().mass = true;
  auto dashboard = ComputeDashboard(facts, Query({"GM0363"}), Registry());
  SuppressDashboard(dashboard, kDefaultSuppressionThreshold);
  EXPECT_EQ(dashboard.mass, 0) << "the mass count is not published";
  for (const auto& table : dashboard.tables) {
    EXPECT_EQ(table.total.current_state, CellState::kShown) << table.dimension;
    long long below = 0, hidden = 0;
    for (const auto& row : table.rows) {
      if (row.cell.current < 5) {
        EXPECT_EQ(row.cell.current_state, CellState::kBelowThreshold)
            << table.dimension << " " << row.code;
      }
      below += row.cell.current_state == CellState::kBelowThreshold;
      hidden += row.cell.current_state == CellState::kHidden;
    }
    // With a "< 5" in a line whose total shows, some other cell is hidden too.
    if (below > 0) {
      EXPECT_GE(hidden, 1) << table.dimension;
    }
  }
  const auto& months = Table(dashboard, kDimensionMonth);
  EXPECT_EQ(Row(months, "2026-02").current_state, CellState::kBelowThreshold);
  EXPECT_EQ(Row(months, "2026-01").current_state, CellState::kHidden)
      << "else 11 - 9 gives February's 2";
}

}  // namespace
}  // namespace meldpunt
