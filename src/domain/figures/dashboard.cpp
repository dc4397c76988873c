#include "domain/figures/dashboard.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <span>

#include "domain/cases/handling.hpp"
#include "domain/figures/counting.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

constexpr std::string_view kTotalKey = "total";

FigureCell Cell(std::string key, long long count) {
  FigureCell cell;
  cell.key = std::move(key);
  cell.current = count;
  return cell;
}

long long Get(const std::map<std::string, long long>& counts, const std::string& code) {
  auto it = counts.find(code);
  return it == counts.end() ? 0 : it->second;
}

// A table with a row for every code of `codes` in that order, then codes from older code lists
// that occur, sorted (so a table keeps its shape whatever the period).
FigureTable Table(std::string_view dimension, std::vector<std::string> codes,
                  const std::map<std::string, long long>& counts, long long total, bool multiple) {
  for (const auto& [code, count] : counts) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  if (dimension == "ground") codes = OrderGroundRows(codes);
  FigureTable table;
  table.population = "dashboard";
  table.dimension = std::string(dimension);
  table.total = Cell(std::string(kTotalKey), total);
  table.multiple_per_report = multiple;
  for (const auto& code : codes) {
    table.rows.push_back({code, Cell(std::string(dimension) + ":" + code, Get(counts, code))});
  }
  return table;
}

std::vector<std::string> Codes(std::span<const std::string_view> list) {
  return {list.begin(), list.end()};
}

}  // namespace

int MonthIndex(int year, int month) { return year * 12 + (month - 1); }
int YearOfMonthIndex(int index) { return index / 12; }
int MonthOfMonthIndex(int index) { return index % 12 + 1; }

std::string MonthCode(int index) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", YearOfMonthIndex(index), MonthOfMonthIndex(index));
  return text;
}

Dashboard ComputeDashboard(const std::vector<ReportFacts>& facts, const DashboardQuery& query,
                           const MunicipalityRegistry& registry) {
  Dashboard dashboard;
  dashboard.query = query;
  std::set<std::string> area(query.area.begin(), query.area.end());
  long long total = 0;
  std::map<std::string, std::map<std::string, long long>> by;  // dimension -> code -> count
  for (const auto& fact : facts) {
    if (fact.mass && !query.with_mass) continue;
    int month = MonthIndex(fact.reported_year, fact.reported_month);
    if (month < query.from_month || month > query.to_month) continue;
    std::string incident = TodayCode(registry, fact.incident_municipality);
    bool incident_here = area.contains(incident);
    if (!incident_here && !area.contains(TodayCode(registry, fact.residence_municipality)))
      continue;
    total++;
    if (fact.mass) dashboard.mass++;
    by[std::string(kDimensionMonth)][MonthCode(month)]++;
    for (const auto& ground : GroundRowsOf(fact.grounds)) by["ground"][ground]++;
    by["domain"][fact.domain]++;
    by["nature"][fact.nature]++;
    if (fact.handlings.empty()) by["handling"][std::string(kHandlingOpen)]++;
    for (const auto& handling : fact.handlings) by["handling"][handling]++;
    std::string where = incident_here                        ? incident
                        : incident == kIncidentNotApplicable ? std::string(kIncidentNotApplicable)
                                                             : std::string(kRowOutsideArea);
    by[std::string(kDimensionMunicipality)][where]++;
  }
  std::vector<std::string> months;
  for (int m = query.from_month; m <= query.to_month; ++m) months.push_back(MonthCode(m));
  std::vector<std::string> handlings = Codes(kHandlings);
  handlings.emplace_back(kHandlingOpen);
  // Every municipality of a small area has a row, also at zero; of a large one (the first bureau
  // holds every municipality outside the other working areas) only those with reports.
  std::vector<std::string> places;
  const auto& place_counts = by[std::string(kDimensionMunicipality)];
  for (const auto& code : query.area) {
    if (query.area.size() <= kMaxAreaRowsAtZero || place_counts.contains(code))
      places.push_back(code);
  }
  places.emplace_back(kRowOutsideArea);
  places.emplace_back(kIncidentNotApplicable);
  auto& tables = dashboard.tables;
  tables.push_back(Table(kDimensionMonth, months, by[std::string(kDimensionMonth)], total, false));
  tables.push_back(Table("ground", Codes(kGrounds), by["ground"], total, true));
  tables.push_back(Table("domain", Codes(kDomains), by["domain"], total, false));
  tables.push_back(Table("nature", Codes(kNatures), by["nature"], total, false));
  tables.push_back(Table("handling", handlings, by["handling"], total, true));
  tables.push_back(
      Table(kDimensionMunicipality, places, by[std::string(kDimensionMunicipality)], total, false));
  return dashboard;
}

bool CountsAPublishedYear(const DashboardQuery& query) {
  return query.with_mass && MonthOfMonthIndex(query.from_month) == 1 &&
         query.to_month == query.from_month + 11;
}

void SuppressDashboard(Dashboard& dashboard, long long threshold,
                       const std::map<std::string, MunicipalTotals>& published) {
  std::map<std::string, size_t> index;
  std::vector<long long> values;
  std::vector<CellState> initial;
  std::vector<bool> locked;
  std::vector<SuppressionLine> lines;
  auto add = [&](const FigureCell& cell) {
    auto [it, added] = index.emplace(cell.key, values.size());
    if (added) {
      values.push_back(cell.current);
      initial.push_back(CellState::kShown);
      locked.push_back(false);
    }
    return it->second;
  };
  bool calendar_year = CountsAPublishedYear(dashboard.query);
  for (const auto& table : dashboard.tables) {
    SuppressionLine line;
    line.at_least = table.multiple_per_report;  // grounds and handlings, as in SuppressReport
    line.total = add(table.total);
    for (const auto& row : table.rows) {
      size_t cell = add(row.cell);
      line.cells.push_back(cell);
      if (!calendar_year || table.dimension != kDimensionMunicipality) continue;
      auto it = published.find(row.code);
      if (it == published.end() || it->second.incidents != row.cell.current) continue;
      initial[cell] = it->second.incidents_state;
      locked[cell] = true;
    }
    lines.push_back(std::move(line));
  }
  auto states = SuppressCells(values, lines, threshold, initial, locked);
  for (auto& table : dashboard.tables) {
    table.total.current_state = states[index.at(table.total.key)];
    for (auto& row : table.rows) row.cell.current_state = states[index.at(row.cell.key)];
  }
  // Published numbers of mass reports could be subtracted from the figures without them.
  dashboard.mass = 0;
}

}  // namespace meldpunt
