#include "domain/figures/national_report.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "domain/cases/handling.hpp"
#include "domain/figures/counting.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

using Counter = std::map<std::string, std::map<std::string, long long>>;  // table -> code -> n

long long Get(const Counter& counter, const std::string& table, const std::string& code) {
  auto t = counter.find(table);
  if (t == counter.end()) return 0;
  auto c = t->second.find(code);
  return c == t->second.end() ? 0 : c->second;
}

// Every code of the list, then other codes that occur (older code lists), sorted.
std::vector<std::string> RowCodes(std::span<const std::string_view> list, const Counter& counter,
                                  const std::string& table) {
  std::vector<std::string> codes(list.begin(), list.end());
  auto it = counter.find(table);
  if (it == counter.end()) return codes;
  for (const auto& [code, count] : it->second) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

bool IsRollUp(const BureauFigures& bureau) { return bureau.id == kNationalRollUpId; }

// The municipality row a stored code counts in: today's municipality, or "other" for what is no
// municipality (online, abroad, unknown, a code that is not in the list).
std::string MunicipalityRow(const MunicipalityRegistry& registry, const std::string& code) {
  const Municipality* today = registry.Successor(code);
  return today && today->current() ? today->code : std::string(kRowOther);
}

bool IsMunicipalTable(std::string_view table) {
  return table == "incident_municipality" || table == "residence_municipality";
}

// The cells of a file: one value per bureau cell and roll-up cell, and the lines between them.
struct Grid {
  std::vector<long long> values;
  std::vector<CellState> initial;
  std::vector<bool> locked;
  std::vector<SuppressionLine> lines;

  size_t Add(long long value, CellState state) {
    values.push_back(value);
    initial.push_back(state);
    locked.push_back(false);
    return values.size() - 1;
  }
};

}  // namespace

std::string BureauIdentifier(std::string_view name) {
  std::string id;
  bool hyphen = false;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      if (hyphen && !id.empty()) id += '-';
      hyphen = false;
      id += static_cast<char>(std::tolower(c));
    } else {
      hyphen = true;  // also for every byte of a non-ASCII letter
    }
  }
  if (id.size() > 64) id.resize(64);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "bureau" : id;
}

std::vector<BureauFigures> CountBureaus(const std::vector<ReportFacts>& facts, int year,
                                        const std::vector<NationalBureau>& bureaus,
                                        const MunicipalityRegistry& registry) {
  std::map<long long, size_t> index;
  std::vector<Counter> counters(bureaus.size());
  std::vector<std::set<std::string>> areas(bureaus.size());
  for (size_t i = 0; i < bureaus.size(); ++i) {
    index[bureaus[i].id] = i;
    for (const auto& code : bureaus[i].municipalities) areas[i].insert(TodayCode(registry, code));
  }
  for (const auto& fact : facts) {
    if (fact.reported_year != year) continue;
    auto it = index.find(fact.bureau_id);
    if (it == index.end()) continue;
    Counter& counter = counters[it->second];
    counter["total"][std::string(kRowReports)]++;
    counter["kind"][std::string(fact.complaint ? kKindKlacht : kKindMelding)]++;
    for (const auto& ground : GroundRowsOf(fact.grounds)) counter["ground"][ground]++;
    counter["domain"][fact.domain.empty() ? "unknown" : fact.domain]++;
    counter["nature"][fact.nature.empty() ? "unknown" : fact.nature]++;
    if (fact.handlings.empty()) counter["handling"][std::string(kHandlingOpen)]++;
    for (const auto& handling : fact.handlings) counter["handling"][handling]++;
    // Every municipality where the bureau holds reports has its row, inside its working area or
    // not, so that the roll-up of a municipality adds up every bureau's reports about it.
    counter["incident_municipality"][MunicipalityRow(registry, fact.incident_municipality)]++;
    counter["residence_municipality"][MunicipalityRow(registry, fact.residence_municipality)]++;
  }
  static const std::string_view kReportsRow[] = {kRowReports};
  static const std::string_view kKinds[] = {kKindMelding, kKindKlacht};
  static const std::string_view kHandlingRows[] = {
      kHandlings[0], kHandlings[1], kHandlings[2], kHandlings[3], kHandlings[4], kHandlings[5],
      kHandlings[6], kHandlings[7], kHandlings[8], kHandlings[9], kHandlingOpen};
  static_assert(std::size(kHandlings) == 10, "add the new handling to kHandlingRows");
  std::vector<BureauFigures> result;
  std::set<std::string> used;
  for (size_t i = 0; i < bureaus.size(); ++i) {
    const Counter& counter = counters[i];
    // Municipality rows: the working area (also at zero) and every other municipality that
    // occurs in the table, by code, then "other".
    auto places = [&](const char* table) {
      std::set<std::string> codes(areas[i].begin(), areas[i].end());
      if (auto it = counter.find(table); it != counter.end()) {
        for (const auto& [code, count] : it->second) {
          if (code != kRowOther) codes.insert(code);
        }
      }
      std::vector<std::string> rows(codes.begin(), codes.end());
      rows.push_back(std::string(kRowOther));
      return rows;
    };
    const std::vector<std::string> incident_places = places("incident_municipality");
    const std::vector<std::string> residence_places = places("residence_municipality");
    BureauFigures figures;
    figures.id = BureauIdentifier(bureaus[i].name);
    // Two names that differ only in punctuation: the later bureau's id gets its number.
    if (!used.insert(figures.id).second) {
      figures.id += "-" + std::to_string(bureaus[i].id);
      used.insert(figures.id);
    }
    figures.name = bureaus[i].name;
    std::vector<std::string_view> incident_rows(incident_places.begin(), incident_places.end());
    std::vector<std::string_view> residence_rows(residence_places.begin(), residence_places.end());
    for (std::string_view table_name : kNationalTables) {
      std::string table(table_name);
      std::span<const std::string_view> list;
      if (table == "total") list = kReportsRow;
      if (table == "kind") list = kKinds;
      if (table == "ground") list = kGrounds;
      if (table == "domain") list = kDomains;
      if (table == "nature") list = kNatures;
      if (table == "handling") list = kHandlingRows;
      if (table == "incident_municipality") list = incident_rows;
      if (table == "residence_municipality") list = residence_rows;
      auto codes = RowCodes(list, counter, table);
      if (table == "ground") codes = OrderGroundRows(codes);
      for (const auto& code : codes) {
        figures.rows.push_back(
            {table, code, NationalCount{CountShown::kExact, Get(counter, table, code)}});
      }
    }
    result.push_back(std::move(figures));
  }
  return result;
}

NationalFile ComposeNationalFile(int year, std::vector<BureauFigures> local,
                                 std::vector<BureauFigures> imported,
                                 const std::vector<ImportedFile>& files, long long threshold,
                                 const std::map<std::string, MunicipalTotals>& published) {
  NationalFile file;
  file.year = year;
  std::set<std::string> ids;
  for (auto& bureau : local) {
    bool has_reports = false;
    for (const auto& row : bureau.rows) {
      if (row.table == "total" && row.count.value > 0) has_reports = true;
    }
    if (!has_reports) continue;
    bureau.imported = false;
    bureau.file_key.clear();
    ids.insert(bureau.id);
    file.bureaus.push_back(std::move(bureau));
  }
  size_t local_count = file.bureaus.size();
  std::sort(imported.begin(), imported.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  for (auto& bureau : imported) {
    if (ids.contains(bureau.id) || IsRollUp(bureau)) continue;
    bureau.imported = true;
    ids.insert(bureau.id);
    file.bureaus.push_back(std::move(bureau));
  }

  // The units that add up to the roll-up: each local bureau, each imported file whose bureaus
  // are all still imported from it (through its own roll-up), each other imported bureau.
  std::vector<const BureauFigures*> units;
  for (size_t b = 0; b < file.bureaus.size(); ++b) {
    if (b < local_count) units.push_back(&file.bureaus[b]);
  }
  std::set<std::string> grouped;
  for (const auto& imported_file : files) {
    std::set<std::string> members;
    for (size_t b = local_count; b < file.bureaus.size(); ++b) {
      if (file.bureaus[b].file_key == imported_file.key) members.insert(file.bureaus[b].id);
    }
    std::set<std::string> wanted(imported_file.bureau_ids.begin(), imported_file.bureau_ids.end());
    if (members.empty() || members != wanted || imported_file.roll_up.rows.empty()) continue;
    bool overlaps = std::any_of(members.begin(), members.end(),
                                [&](const std::string& id) { return grouped.contains(id); });
    if (overlaps) continue;
    grouped.insert(members.begin(), members.end());
    units.push_back(&imported_file.roll_up);
  }
  for (size_t b = local_count; b < file.bureaus.size(); ++b) {
    if (!grouped.contains(file.bureaus[b].id)) units.push_back(&file.bureaus[b]);
  }

  // The roll-up's rows: every (table, code) of any bureau, tables in file order; codes in order
  // of first appearance, municipalities sorted with "other" last.
  std::map<std::string, std::vector<std::string>> codes;
  for (const auto& bureau : file.bureaus) {
    for (const auto& row : bureau.rows) {
      auto& list = codes[row.table];
      if (std::find(list.begin(), list.end(), row.code) == list.end()) list.push_back(row.code);
    }
  }
  for (auto& [table, list] : codes) {
    if (!IsMunicipalTable(table)) continue;
    std::sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return std::pair(a == kRowOther, a) < std::pair(b == kRowOther, b);
    });
  }

  Grid grid;
  using Key = std::pair<std::string, std::string>;
  auto add_cells = [&](const BureauFigures& bureau) {
    std::map<Key, size_t> cells;
    for (const auto& row : bureau.rows) {
      CellState state = CellStateOf(row.count);
      // A hidden cell is at least the threshold; "< 5" is below it.
      long long value = state == CellState::kShown    ? row.count.value
                        : state == CellState::kHidden ? threshold
                                                      : 0;
      size_t index = grid.Add(value, state);
      // Another installation published these numbers in these states: they keep them.
      grid.locked[index] = bureau.imported || IsRollUp(bureau);
      cells[{row.table, row.code}] = index;
    }
    return cells;
  };
  // Cells of the bureaus (shown in the file), then of the files' roll-ups used as units (not
  // shown, but a reader may have that file too).
  std::vector<std::map<Key, size_t>> cell;
  for (const auto& bureau : file.bureaus) cell.push_back(add_cells(bureau));
  std::map<const BureauFigures*, std::map<Key, size_t>> unit_cells;
  std::set<const BureauFigures*> file_roll_ups;  // units that are an imported file's roll-up
  for (const auto* unit : units) {
    bool is_bureau = false;
    for (size_t b = 0; b < file.bureaus.size(); ++b) {
      if (&file.bureaus[b] == unit) {
        unit_cells[unit] = cell[b];
        is_bureau = true;
      }
    }
    if (!is_bureau) {
      unit_cells[unit] = add_cells(*unit);
      file_roll_ups.insert(unit);
    }
  }

  std::map<Key, size_t> rolled;
  struct Pending {
    bool complete = true;
    std::vector<size_t> unknown;               // unit cells not known exactly
    const NationalRow* unknown_row = nullptr;  // the first of them, as its file gave it
    long long known = 0;                       // the sum of the exact unit cells
    long long published = 0;  // what the published cells add up to, as a lower bound
  };
  std::vector<Pending> pending;  // per roll-up row, in file order
  file.national.id = kNationalRollUpId;
  file.national.name = kNationalRollUpName;
  for (std::string_view table_name : kNationalTables) {
    std::string table(table_name);
    for (const auto& code : codes[table]) {
      SuppressionLine line;
      Pending row;
      std::vector<const BureauFigures*> contributors;
      for (const auto* unit : units) {
        const auto& cells = unit_cells[unit];
        auto it = cells.find({table, code});
        if (it != cells.end()) {
          line.cells.push_back(it->second);
          contributors.push_back(unit);
          if (grid.initial[it->second] == CellState::kShown) {
            row.known += grid.values[it->second];
          } else {
            row.complete = false;
            row.unknown.push_back(it->second);
            for (const auto& unit_row : unit->rows) {
              if (!row.unknown_row && unit_row.table == table && unit_row.code == code)
                row.unknown_row = &unit_row;
            }
          }
          continue;
        }
        // A file's roll-up without this row: its bureaus have no such row either, so zero;
        // but an at-least count elsewhere in that roll-up is no reason to doubt it.
      }
      // A roll-up with a number that a file suppressed is not known exactly: hidden during
      // suppression (or, when it is that one number, with that number's state).
      CellState state = CellState::kShown;
      if (!row.complete) {
        state = row.unknown.size() == 1 && row.known == 0 ? grid.initial[row.unknown[0]]
                                                          : CellState::kHidden;
      }
      line.total = grid.Add(row.known, state);
      // A number that is one imported file's roll-up number was published by that file: it
      // keeps the state the file gave it, so importing a file reproduces its roll-up.
      if (contributors.size() == 1 && file_roll_ups.contains(contributors[0]))
        grid.locked[line.total] = true;
      // A municipality's number that only this installation's bureaus make up is the one its
      // municipal report and the public page show: it keeps their state.
      if (IsMunicipalTable(table) && row.complete && code != kRowOther) {
        bool only_local = std::all_of(units.begin(), units.end(), [&](const BureauFigures* unit) {
          if (unit->imported || IsRollUp(*unit)) return !unit_cells[unit].contains({table, code});
          return true;
        });
        auto it = published.find(code);
        if (only_local && it != published.end()) {
          bool incidents = table == "incident_municipality";
          long long value = incidents ? it->second.incidents : it->second.residents;
          if (value == row.known) {
            grid.initial[line.total] =
                incidents ? it->second.incidents_state : it->second.residents_state;
            grid.locked[line.total] = true;
          }
        }
      }
      rolled[{table, code}] = line.total;
      grid.lines.push_back(std::move(line));
      file.national.rows.push_back({table, code, {}});
      pending.push_back(row);
    }
  }
  // Every table of every bureau and of the roll-up adds up to its total.
  cell.push_back(rolled);
  for (const auto& cells : cell) {
    auto total = cells.find({"total", std::string(kRowReports)});
    if (total == cells.end()) continue;
    std::map<std::string, SuppressionLine> by_table;
    for (const auto& [key, index] : cells) {
      if (key.first == "total") continue;
      by_table[key.first].total = total->second;
      by_table[key.first].cells.push_back(index);
      // A report may count in several ground and handling rows: they add up to at least it.
      by_table[key.first].at_least = key.first == "ground" || key.first == "handling";
    }
    for (auto& [table, line] : by_table) grid.lines.push_back(std::move(line));
  }

  auto states = SuppressCells(grid.values, grid.lines, threshold, grid.initial, grid.locked);
  auto apply = [&](NationalRow& row, size_t index) {
    switch (states[index]) {
      case CellState::kShown:
        row.count = {CountShown::kExact, grid.values[index]};
        break;
      case CellState::kBelowThreshold:
        row.count = {CountShown::kBelowThreshold, 0};
        break;
      case CellState::kHidden:
        row.count = {CountShown::kHidden, 0};
        break;
    }
  };
  for (size_t b = 0; b < file.bureaus.size(); ++b) {
    for (auto& row : file.bureaus[b].rows) apply(row, cell[b].at({row.table, row.code}));
  }
  for (size_t r = 0; r < file.national.rows.size(); ++r) {
    auto& row = file.national.rows[r];
    apply(row, rolled.at({row.table, row.code}));
    const Pending& p = pending[r];
    if (p.complete) continue;
    if (p.unknown.size() == 1 && p.known == 0 && p.unknown_row) {
      // That one number: as its file said it ("< 5", "x" or ">= N").
      row.count = p.unknown_row->count;
      if (states[rolled.at({row.table, row.code})] == CellState::kHidden &&
          row.count.shown == CountShown::kBelowThreshold)
        row.count = {CountShown::kHidden, 0};
      continue;
    }
    // The lower bound adds up only what is published (the bureaus' rows as they are now in this
    // file, the roll-ups of the imported files): it tells nothing that is not already said.
    long long shown = 0;
    for (const auto* unit : units) {
      for (const auto& other : unit->rows) {
        if (other.table != row.table || other.code != row.code) continue;
        if (other.count.shown == CountShown::kExact || other.count.shown == CountShown::kAtLeast)
          shown += other.count.value;
      }
    }
    row.count = shown > 0 ? NationalCount{CountShown::kAtLeast, shown}
                          : NationalCount{CountShown::kHidden, 0};
  }
  return file;
}

CellState CellStateOf(const NationalCount& count) {
  switch (count.shown) {
    case CountShown::kExact:
      return CellState::kShown;
    case CountShown::kBelowThreshold:
      return CellState::kBelowThreshold;
    case CountShown::kHidden:
    case CountShown::kAtLeast:
      return CellState::kHidden;
  }
  return CellState::kHidden;
}

}  // namespace meldpunt
