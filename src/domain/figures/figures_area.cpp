#include "domain/figures/figures_area.hpp"

#include <algorithm>
#include <map>

#include "domain/figures/counting.hpp"

namespace meldpunt {

std::vector<std::string> CurrentMunicipalitiesOf(const std::vector<std::string>& area,
                                                 const MunicipalityRegistry& registry) {
  std::vector<std::string> codes;
  for (const auto& code : area) {
    const Municipality* today = registry.Successor(code);
    if (today && today->current()) codes.push_back(today->code);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

std::vector<std::string> CodesRollingUpIntoAny(const std::vector<std::string>& municipalities,
                                               const MunicipalityRegistry& registry) {
  std::vector<std::string> codes;
  for (const auto& code : municipalities) {
    auto rolling = registry.CodesRollingUpInto(code);
    codes.insert(codes.end(), rolling.begin(), rolling.end());
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

std::vector<MunicipalReport> ComputeAreaReports(const std::vector<ReportFacts>& facts,
                                                const std::vector<std::string>& municipalities,
                                                FiguresQuery query,
                                                const MunicipalityRegistry& registry) {
  std::map<std::string, std::vector<ReportFacts>> by_municipality;
  for (const auto& code : municipalities) by_municipality[code];
  for (const auto& fact : facts) {
    std::string incident = TodayCode(registry, fact.incident_municipality);
    std::string residence = TodayCode(registry, fact.residence_municipality);
    if (auto it = by_municipality.find(incident); it != by_municipality.end())
      it->second.push_back(fact);
    if (residence == incident) continue;  // once is enough for that municipality
    if (auto it = by_municipality.find(residence); it != by_municipality.end())
      it->second.push_back(fact);
  }
  std::vector<MunicipalReport> reports;
  reports.reserve(municipalities.size());
  for (const auto& code : municipalities) {
    query.municipality = code;
    reports.push_back(ComputeMunicipalReport(by_municipality[code], query, registry));
  }
  return reports;
}

}  // namespace meldpunt
