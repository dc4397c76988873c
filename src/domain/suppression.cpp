#include "domain/suppression.hpp"

#include <map>
#include <optional>

namespace meldpunt {

std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines,
                                     long long threshold) {
  return SuppressCells(values, lines, threshold,
                       std::vector<CellState>(values.size(), CellState::kShown));
}

std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines, long long threshold,
                                     std::vector<CellState> initial) {
  std::vector<CellState> states = std::move(initial);
  states.resize(values.size(), CellState::kShown);
  for (size_t i = 0; i < values.size(); ++i) {
    if (states[i] == CellState::kShown && values[i] < threshold)
      states[i] = CellState::kBelowThreshold;
  }
  // Each pass hides at least one more cell or stops, so this ends within values.size() passes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& line : lines) {
      if (states[line.total] != CellState::kShown) continue;
      long long below = 0, hidden = 0;
      std::optional<size_t> smallest;
      for (size_t cell : line.cells) {
        if (states[cell] == CellState::kBelowThreshold) below++;
        if (states[cell] == CellState::kHidden) hidden++;
        if (states[cell] == CellState::kShown && (!smallest || values[cell] < values[*smallest]))
          smallest = cell;
      }
      // A lone suppressed cell is the total minus the rest; "< 5" cells alone can be pinned
      // by their sum. Either needs a (further) hidden cell.
      bool lone = below + hidden == 1;
      bool only_small = below > 0 && hidden == 0;
      if (!lone && !only_small) continue;
      if (smallest) {
        states[*smallest] = CellState::kHidden;
      } else if (hidden > 0 || values[line.total] > (threshold - 1) * (below - 1)) {
        // Only "< 5" cells: the total would tell that some of them are above zero.
        states[line.total] = CellState::kHidden;
      } else {
        continue;
      }
      changed = true;
    }
  }
  return states;
}

namespace {

// Gives every distinct key one index, and lists the lines of the report.
struct Grid {
  std::map<std::string, size_t> index;
  std::vector<long long> values;
  std::vector<SuppressionLine> lines;

  size_t Add(const std::string& key, long long value) {
    auto [it, added] = index.emplace(key, values.size());
    if (added) values.push_back(value);
    return it->second;
  }
};

void SuppressYear(MunicipalReport& report, long long threshold, bool current) {
  auto value = [&](const FigureCell& cell) { return current ? cell.current : cell.previous; };
  Grid grid;
  for (const auto& table : report.tables) {
    SuppressionLine line;
    line.total = grid.Add(table.total.key, value(table.total));
    for (const auto& row : table.rows)
      line.cells.push_back(grid.Add(row.cell.key, value(row.cell)));
    grid.lines.push_back(std::move(line));
  }
  auto states = SuppressCells(grid.values, grid.lines, threshold);
  auto apply = [&](FigureCell& cell) {
    (current ? cell.current_state : cell.previous_state) = states[grid.index.at(cell.key)];
  };
  for (auto& table : report.tables) {
    apply(table.total);
    for (auto& row : table.rows) apply(row.cell);
  }
}

}  // namespace

void SuppressReport(MunicipalReport& report, long long threshold) {
  SuppressYear(report, threshold, true);
  SuppressYear(report, threshold, false);
}

}  // namespace meldpunt
