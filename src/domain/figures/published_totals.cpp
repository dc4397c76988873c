#include "domain/figures/published_totals.hpp"

#include <set>

#include "domain/figures/figures_area.hpp"

namespace meldpunt {

std::map<std::string, MunicipalTotals> PublishedMunicipalTotals(
    const std::vector<ReportFacts>& facts, int year, const MunicipalityRegistry& registry,
    long long threshold) {
  std::vector<ReportFacts> of_year;
  std::set<std::string> codes;
  for (const auto& fact : facts) {
    if (fact.reported_year != year) continue;
    of_year.push_back(fact);
    for (const auto* code : {&fact.incident_municipality, &fact.residence_municipality}) {
      const Municipality* today = registry.Successor(*code);
      if (today && today->current()) codes.insert(today->code);
    }
  }
  std::vector<std::string> municipalities(codes.begin(), codes.end());
  FiguresQuery query;
  query.year = year;
  query.by = FiguresYear::kReported;
  query.with_mass = true;
  std::map<std::string, MunicipalTotals> totals;
  for (auto& report : ComputeAreaReports(of_year, municipalities, query, registry)) {
    SuppressReport(report, threshold);
    MunicipalTotals& entry = totals[report.query.municipality];
    for (const auto& table : report.tables) {
      if (table.dimension != "summary") continue;
      if (table.population == kPopulationIncident) {
        entry.incidents = table.total.current;
        entry.incidents_state = table.total.current_state;
      } else {
        entry.residents = table.total.current;
        entry.residents_state = table.total.current_state;
      }
    }
  }
  return totals;
}

}  // namespace meldpunt
