#include "domain/figures/public_figures.hpp"

#include <algorithm>

#include "domain/figures/published_totals.hpp"
#include "domain/figures/suppression.hpp"

namespace meldpunt {
namespace {

using Key = std::pair<std::string, std::string>;  // national table, code

// One year of the national roll-up over this installation's bureaus: every number exact, and
// the state the national file gives it.
struct RollUp {
  std::map<Key, long long> values;
  std::map<Key, CellState> states;
  std::vector<std::string> grounds;  // ground rows in file order
};

RollUp RollUpOf(const std::vector<ReportFacts>& facts, const std::vector<NationalBureau>& bureaus,
                const MunicipalityRegistry& registry, int year, long long threshold) {
  RollUp roll_up;
  auto local = CountBureaus(facts, year, bureaus, registry);
  for (const auto& bureau : local) {
    for (const auto& row : bureau.rows) roll_up.values[{row.table, row.code}] += row.count.value;
  }
  auto file = ComposeNationalFile(year, std::move(local), {}, {}, threshold,
                                  PublishedMunicipalTotals(facts, year, registry, threshold));
  for (const auto& row : file.national.rows) {
    roll_up.states[{row.table, row.code}] = CellStateOf(row.count);
    if (row.table == "ground") roll_up.grounds.push_back(row.code);
  }
  return roll_up;
}

long long ValueOf(const RollUp& roll_up, const Key& key) {
  auto it = roll_up.values.find(key);
  return it == roll_up.values.end() ? 0 : it->second;
}

// A number the national file has no row for is zero: "< 5" there too.
CellState StateOf(const RollUp& roll_up, const Key& key) {
  auto it = roll_up.states.find(key);
  return it == roll_up.states.end() ? CellState::kBelowThreshold : it->second;
}

FigureCell Cell(std::string key, const RollUp (&years)[2], const Key& of) {
  FigureCell cell;
  cell.key = std::move(key);
  cell.current = ValueOf(years[0], of);
  cell.previous = ValueOf(years[1], of);
  cell.current_state = StateOf(years[0], of);
  cell.previous_state = StateOf(years[1], of);
  return cell;
}

// The area totals are this page's own numbers: each area's column adds up to its total, with the
// municipalities' states fixed (they are the national file's and the municipal reports').
void SuppressAreaTotals(PublicFigures& figures, long long threshold, bool current) {
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
  std::vector<bool> locked(cells.size(), true);
  for (const auto& line : lines) locked[line.total] = false;
  std::vector<long long> values;
  std::vector<CellState> initial;
  for (size_t i = 0; i < cells.size(); ++i) {
    const FigureCell& cell = *cells[i];
    values.push_back(current ? cell.current : cell.previous);
    initial.push_back(!locked[i] ? CellState::kShown
                                 : (current ? cell.current_state : cell.previous_state));
  }
  auto states = SuppressCells(values, lines, threshold, initial, locked);
  for (size_t i = 0; i < cells.size(); ++i)
    (current ? cells[i]->current_state : cells[i]->previous_state) = states[i];
}

}  // namespace

PublicFigures ComputePublicFigures(const std::vector<ReportFacts>& facts,
                                   const std::vector<NationalBureau>& bureaus,
                                   const std::vector<PopulationFigure>& population,
                                   const MunicipalityRegistry& registry, int year,
                                   long long threshold) {
  PublicFigures figures;
  figures.year = year;
  const RollUp years[2] = {RollUpOf(facts, bureaus, registry, year, threshold),
                           RollUpOf(facts, bureaus, registry, year - 1, threshold)};
  std::map<std::pair<std::string, int>, long long> inhabitants;
  for (const auto& figure : population)
    inhabitants[{figure.municipality, figure.year}] = figure.inhabitants;
  auto population_of = [&](const std::string& code, int of_year) -> std::optional<long long> {
    auto it = inhabitants.find({code, of_year});
    if (it == inhabitants.end()) return std::nullopt;
    return it->second;
  };

  for (const auto& bureau : bureaus) {
    if (bureau.municipalities.empty()) continue;
    PublicAreaTable table;
    table.bureau = bureau.name;
    long long incidents[2] = {0, 0}, residents[2] = {0, 0};
    std::vector<std::string> codes;
    for (const auto& code : bureau.municipalities) {
      const Municipality* today = registry.Successor(code);
      codes.push_back(today ? today->code : code);
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    for (const auto& code : codes) {
      PublicMunicipalityRow row;
      row.code = code;
      const Municipality* municipality = registry.Find(code);
      row.name = municipality ? municipality->name : code;
      row.incidents = Cell("incidents:" + code, years, {"incident_municipality", code});
      row.residents = Cell("residents:" + code, years, {"residence_municipality", code});
      row.population = population_of(code, year);
      row.population_previous = population_of(code, year - 1);
      incidents[0] += row.incidents.current;
      incidents[1] += row.incidents.previous;
      residents[0] += row.residents.current;
      residents[1] += row.residents.previous;
      table.rows.push_back(std::move(row));
    }
    std::sort(table.rows.begin(), table.rows.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    auto total = [&](const std::string& key, const long long(&value)[2]) {
      FigureCell cell;
      cell.key = key;
      cell.current = value[0];
      cell.previous = value[1];
      return cell;
    };
    table.incidents_total = total("incidents:" + bureau.name, incidents);
    table.residents_total = total("residents:" + bureau.name, residents);
    figures.areas.push_back(std::move(table));
  }

  // Grounds: the roll-up's table as the national file has it, states included.
  figures.grounds.population = "national";
  figures.grounds.dimension = "ground";
  figures.grounds.multiple_per_report = true;
  figures.grounds.total = Cell("national:total", years, {"total", std::string(kRowReports)});
  std::vector<std::string> codes = years[0].grounds;
  for (const auto& code : years[1].grounds) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  for (const auto& code : codes)
    figures.grounds.rows.push_back(
        {code, Cell("national:ground:" + code, years, {"ground", code})});

  SuppressAreaTotals(figures, threshold, true);
  SuppressAreaTotals(figures, threshold, false);
  return figures;
}

}  // namespace meldpunt
