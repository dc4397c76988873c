#include "domain/figures/figures.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <span>

#include "domain/cases/handling.hpp"
#include "domain/figures/counting.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

// The rows of a dimension: every code of its list in list order (so tables have the same shape
// every year), then codes from older code lists that occur, sorted.
std::vector<std::string> RowCodes(std::span<const std::string_view> list,
                                  const std::map<std::string, long long>& seen) {
  std::vector<std::string> codes(list.begin(), list.end());
  for (const auto& [code, count] : seen) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

struct Counts {
  long long total = 0;
  std::map<std::string, long long> summary;
  std::map<std::string, std::map<std::string, long long>> by;  // dimension -> code -> count
};

void Count(const ReportFacts& fact, bool resident, bool incident_here, std::string_view population,
           Counts& counts) {
  counts.total++;
  if (population == kPopulationIncident) {
    counts.summary[std::string(resident ? kRowResidents : kRowNonResidents)]++;
  } else {
    counts.summary[std::string(incident_here ? kRowIncidentHere : kRowIncidentElsewhere)]++;
  }
  // A parent ground counts the reports with any of its sub-grounds too, once (counting.hpp).
  for (const auto& ground : GroundRowsOf(fact.grounds)) counts.by["ground"][ground]++;
  counts.by["domain"][fact.domain]++;
  counts.by["nature"][fact.nature]++;
  if (fact.handlings.empty()) counts.by["handling"][std::string(kHandlingOpen)]++;
  for (const auto& handling : fact.handlings) counts.by["handling"][handling]++;
}

long long Get(const std::map<std::string, long long>& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? 0 : it->second;
}

FigureCell Cell(std::string key, long long current, long long previous) {
  FigureCell cell;
  cell.key = std::move(key);
  cell.current = current;
  cell.previous = previous;
  return cell;
}

void AddTables(std::string_view population, const Counts& now, const Counts& before,
               std::vector<FigureTable>& tables) {
  std::string pop(population);
  FigureCell total = Cell(pop + ":total", now.total, before.total);
  FigureTable summary;
  summary.population = pop;
  summary.dimension = "summary";
  summary.total = total;
  // The reports by residents about incidents in the municipality appear in both summaries: one
  // key, so that suppression treats them as the same number.
  std::vector<std::pair<std::string_view, std::string>> rows =
      population == kPopulationIncident
          ? std::vector<std::pair<std::string_view, std::string>>{{kRowResidents,
                                                                   "incident:residents"},
                                                                  {kRowNonResidents,
                                                                   "incident:non_residents"}}
          : std::vector<std::pair<std::string_view, std::string>>{
                {kRowIncidentHere, "incident:residents"},
                {kRowIncidentElsewhere, "residents:incident_elsewhere"}};
  for (const auto& [code, key] : rows) {
    std::string c(code);
    summary.rows.push_back({c, Cell(key, Get(now.summary, c), Get(before.summary, c))});
  }
  tables.push_back(std::move(summary));

  struct Dimension {
    const char* name;
    std::span<const std::string_view> list;
    bool multiple;
  };
  static const std::string_view kHandlingRows[] = {
      kHandlings[0], kHandlings[1], kHandlings[2], kHandlings[3], kHandlings[4], kHandlings[5],
      kHandlings[6], kHandlings[7], kHandlings[8], kHandlings[9], kHandlingOpen};
  static_assert(std::size(kHandlings) == 10, "add the new handling to kHandlingRows");
  const Dimension dimensions[] = {{"ground", kGrounds, true},
                                  {"domain", kDomains, false},
                                  {"nature", kNatures, false},
                                  {"handling", kHandlingRows, true}};
  static const std::map<std::string, long long> kNone;
  for (const auto& dimension : dimensions) {
    auto find = [&](const Counts& counts) -> const std::map<std::string, long long>& {
      auto it = counts.by.find(dimension.name);
      return it == counts.by.end() ? kNone : it->second;
    };
    const auto& current = find(now);
    const auto& previous = find(before);
    std::map<std::string, long long> seen = current;
    seen.insert(previous.begin(), previous.end());
    FigureTable table;
    table.population = pop;
    table.dimension = dimension.name;
    table.total = total;
    table.multiple_per_report = dimension.multiple;
    std::vector<std::string> codes = RowCodes(dimension.list, seen);
    if (std::string_view(dimension.name) == "ground") codes = OrderGroundRows(codes);
    for (const auto& code : codes) {
      table.rows.push_back({code, Cell(pop + ":" + dimension.name + ":" + code, Get(current, code),
                                       Get(previous, code))});
    }
    tables.push_back(std::move(table));
  }
}

}  // namespace

std::optional<int> IncidentYearOf(std::string_view incident_date) {
  if (incident_date.size() < 4) return std::nullopt;
  int year = 0;
  auto [end, error] = std::from_chars(incident_date.data(), incident_date.data() + 4, year);
  if (error != std::errc() || end != incident_date.data() + 4) return std::nullopt;
  if (incident_date.size() > 4 && incident_date[4] != '-') return std::nullopt;
  return year;
}

MunicipalReport ComputeMunicipalReport(const std::vector<ReportFacts>& facts,
                                       const FiguresQuery& query,
                                       const MunicipalityRegistry& registry) {
  MunicipalReport report;
  report.query = query;
  const Municipality* municipality = registry.Find(query.municipality);
  report.municipality_name = municipality ? municipality->name : query.municipality;
  Counts incident[2], residents[2];  // [0] this year, [1] the previous one
  long long mass[2] = {0, 0};
  for (const auto& fact : facts) {
    if (fact.mass && !query.with_mass) continue;
    std::optional<int> year =
        query.by == FiguresYear::kReported ? std::optional(fact.reported_year) : fact.incident_year;
    if (!year || (*year != query.year && *year != query.year - 1)) continue;
    int slot = *year == query.year ? 0 : 1;
    bool incident_here = TodayCode(registry, fact.incident_municipality) == query.municipality;
    bool resident = TodayCode(registry, fact.residence_municipality) == query.municipality;
    if (incident_here) Count(fact, resident, incident_here, kPopulationIncident, incident[slot]);
    if (resident) Count(fact, resident, incident_here, kPopulationResidents, residents[slot]);
    // A report both about an incident here and by a resident is one report: count it once.
    if (fact.mass && (incident_here || resident)) mass[slot]++;
  }
  AddTables(kPopulationIncident, incident[0], incident[1], report.tables);
  AddTables(kPopulationResidents, residents[0], residents[1], report.tables);
  report.mass_current = mass[0];
  report.mass_previous = mass[1];
  return report;
}

}  // namespace meldpunt
