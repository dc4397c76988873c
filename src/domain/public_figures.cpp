#include "domain/public_figures.hpp"

#include <algorithm>

#include "domain/classification.hpp"
#include "domain/counting.hpp"
#include "domain/suppression.hpp"

namespace meldpunt {
namespace {

// Per year slot ([0] this year, [1] the previous one) and today's code.
struct PlaceTotals {
  std::map<std::string, long long> incidents[2];
  std::map<std::string, long long> residents[2];
  long long all[2] = {0, 0};
};

PlaceTotals AddUp(const ReportCounts& counts, const MunicipalityRegistry& registry, int year) {
  PlaceTotals totals;
  std::map<std::string, std::string> today;  // stored code -> today's, looked up once
  auto rolled = [&](const std::string& code) -> const std::string& {
    auto it = today.find(code);
    if (it == today.end()) it = today.emplace(code, TodayCode(registry, code)).first;
    return it->second;
  };
  for (const auto& place : counts.places) {
    if (place.year != year && place.year != year - 1) continue;
    int slot = place.year == year ? 0 : 1;
    totals.all[slot] += place.count;
    totals.incidents[slot][rolled(place.incident_municipality)] += place.count;
    totals.residents[slot][rolled(place.residence_municipality)] += place.count;
  }
  return totals;
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

// Suppresses one year's numbers: each area's two columns and the grounds are lines.
void SuppressYear(PublicFigures& figures, long long threshold, bool current) {
  std::vector<FigureCell*> cells;
  std::vector<SuppressionLine> lines;
  auto add = [&](FigureCell& cell) {
    cells.push_back(&cell);
    return cells.size() - 1;
  };
  for (auto& area : figures.areas) {
    SuppressionLine incidents{add(area.incidents_total), {}};
    SuppressionLine residents{add(area.residents_total), {}};
    for (auto& row : area.rows) {
      incidents.cells.push_back(add(row.incidents));
      residents.cells.push_back(add(row.residents));
    }
    lines.push_back(std::move(incidents));
    lines.push_back(std::move(residents));
  }
  SuppressionLine grounds{add(figures.grounds.total), {}, true};  // "at least": several grounds
  for (auto& row : figures.grounds.rows) grounds.cells.push_back(add(row.cell));
  lines.push_back(std::move(grounds));

  std::vector<long long> values;
  values.reserve(cells.size());
  for (const FigureCell* cell : cells) values.push_back(current ? cell->current : cell->previous);
  auto states = SuppressCells(values, lines, threshold);
  for (size_t i = 0; i < cells.size(); ++i)
    (current ? cells[i]->current_state : cells[i]->previous_state) = states[i];
}

}  // namespace

PublicFigures ComputePublicFigures(const ReportCounts& counts, const std::vector<PublicArea>& areas,
                                   const std::vector<PopulationFigure>& population,
                                   const MunicipalityRegistry& registry, int year,
                                   long long threshold) {
  PublicFigures figures;
  figures.year = year;
  PlaceTotals totals = AddUp(counts, registry, year);
  std::map<std::pair<std::string, int>, long long> inhabitants;
  for (const auto& figure : population)
    inhabitants[{figure.municipality, figure.year}] = figure.inhabitants;
  auto population_of = [&](const std::string& code, int of_year) -> std::optional<long long> {
    auto it = inhabitants.find({code, of_year});
    if (it == inhabitants.end()) return std::nullopt;
    return it->second;
  };

  for (const auto& area : areas) {
    PublicAreaTable table;
    table.bureau = area.bureau;
    long long incidents[2] = {0, 0}, residents[2] = {0, 0};
    for (const auto& code : area.municipalities) {
      PublicMunicipalityRow row;
      row.code = code;
      const Municipality* municipality = registry.Find(code);
      row.name = municipality ? municipality->name : code;
      row.incidents =
          Cell("incidents:" + code, Get(totals.incidents[0], code), Get(totals.incidents[1], code));
      row.residents =
          Cell("residents:" + code, Get(totals.residents[0], code), Get(totals.residents[1], code));
      row.population = population_of(code, year);
      row.population_previous = population_of(code, year - 1);
      for (int slot : {0, 1}) {
        incidents[slot] += slot == 0 ? row.incidents.current : row.incidents.previous;
        residents[slot] += slot == 0 ? row.residents.current : row.residents.previous;
      }
      table.rows.push_back(std::move(row));
    }
    std::sort(table.rows.begin(), table.rows.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    table.incidents_total = Cell("incidents:" + area.bureau, incidents[0], incidents[1]);
    table.residents_total = Cell("residents:" + area.bureau, residents[0], residents[1]);
    figures.areas.push_back(std::move(table));
  }

  std::map<std::string, long long> grounds[2];
  for (const auto& ground : counts.grounds) {
    if (ground.year != year && ground.year != year - 1) continue;
    grounds[ground.year == year ? 0 : 1][ground.ground] += ground.count;
  }
  figures.grounds.population = "national";
  figures.grounds.dimension = "ground";
  figures.grounds.multiple_per_report = true;
  figures.grounds.total = Cell("national:total", totals.all[0], totals.all[1]);
  std::vector<std::string> codes(std::begin(kGrounds), std::end(kGrounds));
  for (int slot : {0, 1}) {
    for (const auto& [code, count] : grounds[slot]) {
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
  }
  for (const auto& code : OrderGroundRows(codes)) {
    figures.grounds.rows.push_back(
        {code, Cell("national:ground:" + code, Get(grounds[0], code), Get(grounds[1], code))});
  }

  SuppressYear(figures, threshold, true);
  SuppressYear(figures, threshold, false);
  return figures;
}

}  // namespace meldpunt
