#include "domain/figures/figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "domain/test_registry.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

ReportFacts Fact(int year, std::string incident, std::string residence,
                 std::vector<std::string> grounds = {"origin"}) {
  static long long next_id = 1;
  ReportFacts fact;
  fact.id = next_id++;
  fact.reported_year = year;
  fact.incident_year = year;
  fact.incident_municipality = std::move(incident);
  fact.residence_municipality = std::move(residence);
  fact.grounds = std::move(grounds);
  fact.domain = "housing";
  fact.nature = "threat";
  return fact;
}

const FigureTable& Table(const MunicipalReport& report, std::string_view population,
                         std::string_view dimension) {
  for (const auto& table : report.tables) {
    if (table.population == population && table.dimension == dimension) return table;
  }
  throw std::runtime_error("no such table");
}

const FigureCell& Row(const FigureTable& table, std::string_view code) {
  for (const auto& row : table.rows) {
    if (row.code == code) return row.cell;
  }
  throw std::runtime_error("no such row");
}

TEST(Figures, SplitsIncidentsByResidenceAndCountsResidentsAnywhere) {
  std::vector<ReportFacts> facts = {
      Fact(2026, "GM0363", "GM0363"),   // resident, incident here
      Fact(2026, "GM0363", "GM0599"),   // non-resident
      Fact(2026, "GM0363", "unknown"),  // non-resident (unknown residence)
      Fact(2026, "GM0599", "GM0363"),   // resident, incident elsewhere
      Fact(2026, "none", "GM0363"),     // resident, online
      Fact(2026, "GM0599", "GM0599"),   // nothing to do with Amsterdam
  };
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  EXPECT_EQ(report.municipality_name, "Amsterdam");
  const auto& incident = Table(report, kPopulationIncident, "summary");
  EXPECT_EQ(incident.total.current, 3);
  EXPECT_EQ(Row(incident, kRowResidents).current, 1);
  EXPECT_EQ(Row(incident, kRowNonResidents).current, 2);
  const auto& residents = Table(report, kPopulationResidents, "summary");
  EXPECT_EQ(residents.total.current, 3);
  EXPECT_EQ(Row(residents, kRowIncidentHere).current, 1);
  EXPECT_EQ(Row(residents, kRowIncidentElsewhere).current, 2);
  EXPECT_EQ(Row(residents, kRowIncidentHere).key, Row(incident, kRowResidents).key)
      << "the same number has one key";
}

TEST(Figures, ReportWithSeveralGroundsCountsOnceInTotalsAndOncePerGround) {
  std::vector<ReportFacts> facts = {Fact(2026, "GM0363", "GM0363", {"origin", "religion", "age"}),
                                    Fact(2026, "GM0363", "GM0363", {"origin"})};
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  const auto& grounds = Table(report, kPopulationIncident, "ground");
  EXPECT_TRUE(grounds.multiple_per_report);
  EXPECT_EQ(grounds.total.current, 2);
  EXPECT_EQ(Row(grounds, "origin").current, 2);
  EXPECT_EQ(Row(grounds, "religion").current, 1);
  EXPECT_EQ(Row(grounds, "age").current, 1);
  EXPECT_EQ(Row(grounds, "sex").current, 0) << "every code of the list has a row";
  EXPECT_FALSE(Table(report, kPopulationIncident, "domain").multiple_per_report);
  EXPECT_EQ(Row(Table(report, kPopulationIncident, "domain"), "housing").current, 2);
}

TEST(Figures, AParentGroundCountsEveryReportWithOneOfItsSubGroundsOnce) {
  std::vector<ReportFacts> facts = {
      Fact(2026, "GM0363", "GM0363", {"religion.antisemitism"}),
      Fact(2026, "GM0363", "GM0363", {"origin", "origin.anti_black"}),
      Fact(2026, "GM0363", "GM0363", {"origin.anti_black", "origin.anti_asian"}),
      Fact(2025, "GM0363", "GM0363", {"religion.anti_muslim", "religion.antisemitism"}),
  };
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  for (auto population : {kPopulationIncident, kPopulationResidents}) {
    const auto& grounds = Table(report, population, "ground");
    EXPECT_EQ(grounds.total.current, 3);
    EXPECT_EQ(Row(grounds, "religion").current, 1) << "a sub-ground counts under its parent";
    EXPECT_EQ(Row(grounds, "religion.antisemitism").current, 1);
    EXPECT_EQ(Row(grounds, "origin").current, 2) << "with its sub-grounds, each report once";
    EXPECT_EQ(Row(grounds, "origin.anti_black").current, 2);
    EXPECT_EQ(Row(grounds, "origin.anti_asian").current, 1);
    EXPECT_EQ(Row(grounds, "religion").previous, 1) << "two sub-grounds, one report";
    EXPECT_EQ(Row(grounds, "religion.anti_muslim").previous, 1);
  }
}

TEST(Figures, ASubGroundOfALaterCodeListFollowsItsParent) {
  std::vector<ReportFacts> facts = {Fact(2026, "GM0363", "GM0363", {"religion.anti_hindu"})};
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  const auto& grounds = Table(report, kPopulationIncident, "ground");
  EXPECT_EQ(Row(grounds, "religion").current, 1);
  EXPECT_EQ(Row(grounds, "religion.anti_hindu").current, 1);
  std::vector<std::string> codes;
  for (const auto& row : grounds.rows) codes.push_back(row.code);
  auto at = [&](std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) - codes.begin();
  };
  EXPECT_EQ(at("religion.anti_hindu"), at("religion.anti_muslim") + 1)
      << "shown as \"of which\" under its parent, not at the end";
}

TEST(Figures, PreviousYearBesideEachFigureWithTheChange) {
  std::vector<ReportFacts> facts = {Fact(2026, "GM0363", "GM0363"), Fact(2025, "GM0363", "GM0363"),
                                    Fact(2025, "GM0363", "GM0363"), Fact(2024, "GM0363", "GM0363")};
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  const auto& nature = Row(Table(report, kPopulationIncident, "nature"), "threat");
  EXPECT_EQ(nature.current, 1);
  EXPECT_EQ(nature.previous, 2);
  EXPECT_EQ(nature.change(), -1);
  EXPECT_TRUE(nature.change_shown());
}

TEST(Figures, MergedMunicipalityRollsUpIntoTodaysOne) {
  // Weesp (GM0457) merged into Amsterdam in 2022.
  std::vector<ReportFacts> facts = {Fact(2021, "GM0457", "GM0457"), Fact(2022, "GM0363", "GM0457")};
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2022}, Registry());
  const auto& incident = Table(report, kPopulationIncident, "summary");
  EXPECT_EQ(incident.total.current, 1);
  EXPECT_EQ(incident.total.previous, 1) << "Weesp's 2021 report counts for Amsterdam";
  EXPECT_EQ(Row(incident, kRowResidents).current, 1) << "a resident of Weesp lives in Amsterdam";
  EXPECT_EQ(facts[0].incident_municipality, "GM0457") << "the report keeps its code";
}

TEST(Figures, MassReportsAreCountedOrLeftOutAsAWhole) {
  std::vector<ReportFacts> facts = {Fact(2026, "GM0363", "GM0363"), Fact(2026, "GM0363", "GM0363")};
  facts[1].mass = true;
  auto with = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  EXPECT_EQ(Table(with, kPopulationIncident, "summary").total.current, 2);
  EXPECT_EQ(with.mass_current, 1) << "counted once although in both populations";
  FiguresQuery without{"GM0363", 2026};
  without.with_mass = false;
  auto report = ComputeMunicipalReport(facts, without, Registry());
  EXPECT_EQ(Table(report, kPopulationIncident, "summary").total.current, 1);
  EXPECT_EQ(report.mass_current, 0);
}

TEST(Figures, ByIncidentYearOnRequest) {
  std::vector<ReportFacts> facts = {Fact(2026, "GM0363", "GM0363")};
  facts[0].incident_year = 2025;
  FiguresQuery query{"GM0363", 2025};
  query.by = FiguresYear::kIncident;
  EXPECT_EQ(Table(ComputeMunicipalReport(facts, query, Registry()), kPopulationIncident, "summary")
                .total.current,
            1);
  EXPECT_EQ(Table(ComputeMunicipalReport(facts, {"GM0363", 2025}, Registry()), kPopulationIncident,
                  "summary")
                .total.current,
            0);
}

TEST(Figures, OpenCasesHaveTheirOwnHandlingRow) {
  std::vector<ReportFacts> facts = {Fact(2026, "GM0363", "GM0363"), Fact(2026, "GM0363", "GM0363")};
  facts[1].handlings = {"advice", "referral"};
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, Registry());
  const auto& handlings = Table(report, kPopulationIncident, "handling");
  EXPECT_EQ(Row(handlings, kHandlingOpen).current, 1);
  EXPECT_EQ(Row(handlings, "advice").current, 1);
  EXPECT_EQ(Row(handlings, "referral").current, 1);
}

TEST(Figures, IncidentYearOfStoredDates) {
  EXPECT_EQ(IncidentYearOf("2026-03-31"), 2026);
  EXPECT_EQ(IncidentYearOf("2026-03"), 2026);
  EXPECT_EQ(IncidentYearOf("2026"), 2026);
  EXPECT_EQ(IncidentYearOf(""), std::nullopt);
  EXPECT_EQ(IncidentYearOf("20x6"), std::nullopt);
}

}  // namespace
}  // namespace meldpunt

namespace meldpunt {
namespace {

TEST(Figures, RegistryListsTheCodesThatRollUp) {
  auto codes = Registry().CodesRollingUpInto("GM1992");  // Voorne aan Zee
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"GM0501", "GM0530", "GM0614", "GM1992"}));
}

}  // namespace
}  // namespace meldpunt
