#include "domain/figures/suppression.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

namespace meldpunt {

namespace {

constexpr long long kUnbounded = std::numeric_limits<long long>::max() / 4;

// Steps 1-3 of the rule, from the given states: hides cells until every line passes on its own.
// Returns whether it hid anything.
bool HideForEachLine(const std::vector<long long>& values,
                     const std::vector<SuppressionLine>& lines, long long threshold,
                     const std::vector<bool>& locked, std::vector<CellState>& states) {
  bool any = false;
  // Each pass hides at least one more cell or stops, so this ends within values.size() passes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& line : lines) {
      if (states[line.total] != CellState::kShown) continue;
      long long below = 0, hidden = 0;
      bool locked_shown = false;
      std::optional<size_t> smallest;
      for (size_t cell : line.cells) {
        if (states[cell] == CellState::kBelowThreshold) below++;
        if (states[cell] == CellState::kHidden) hidden++;
        if (states[cell] == CellState::kShown && locked[cell]) locked_shown = true;
        if (states[cell] == CellState::kShown && !locked[cell] &&
            (!smallest || values[cell] < values[*smallest]))
          smallest = cell;
      }
      // A lone suppressed cell is the total minus the rest; "< 5" cells alone can be pinned
      // by their sum. Either needs a (further) hidden cell.
      bool lone = below + hidden == 1;
      bool only_small = below > 0 && hidden == 0;
      if (!lone && !only_small) continue;
      if (smallest) {
        states[*smallest] = CellState::kHidden;
      } else if (locked_shown) {
        // The shown cells are numbers other outputs publish too (locked): rather than hide the
        // total by this step's cautious rule, step 4 checks what a reader can really pin.
        continue;
      } else if (!locked[line.total] &&
                 (hidden > 0 || values[line.total] > (threshold - 1) * (below - 1))) {
        // Only "< 5" cells: the total would tell that some of them are above zero.
        states[line.total] = CellState::kHidden;
      } else {
        continue;
      }
      changed = true;
      any = true;
    }
  }
  return any;
}

}  // namespace

std::vector<std::pair<long long, long long>> SuppressedCellBounds(
    const std::vector<long long>& values, const std::vector<CellState>& states,
    const std::vector<SuppressionLine>& lines, long long threshold) {
  std::vector<std::pair<long long, long long>> bounds(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (states[i] == CellState::kShown) bounds[i] = {values[i], values[i]};
    if (states[i] == CellState::kBelowThreshold) bounds[i] = {0, threshold - 1};
    if (states[i] == CellState::kHidden) bounds[i] = {threshold, kUnbounded};
  }
  // Bounds only narrow, by whole numbers, and a "< 5" cell has at most threshold values: this
  // settles quickly; the cap only guards against pathological inputs.
  for (size_t round = 0; round < 4 * values.size() + 8; ++round) {
    bool changed = false;
    for (const auto& line : lines) {
      // total = sum(cells) (or total <= sum and each cell <= total): narrow each side from the
      // others. Upper bounds may be unbounded (hidden cells), so they are summed apart.
      // Every bound stays within [-kUnbounded, kUnbounded] and sums are capped at kUnbounded, so
      // nothing overflows (each sum of two stays within 2 * kUnbounded), also where a file's
      // suppressed numbers contradict each other.
      long long lo_sum = 0, finite_hi_sum = 0, unbounded = 0, largest_lo = 0;
      for (size_t c : line.cells) {
        lo_sum = std::clamp(lo_sum + bounds[c].first, -kUnbounded, kUnbounded);
        largest_lo = std::max(largest_lo, bounds[c].first);
        if (bounds[c].second >= kUnbounded) {
          unbounded++;
        } else {
          finite_hi_sum = std::clamp(finite_hi_sum + bounds[c].second, -kUnbounded, kUnbounded);
        }
      }
      auto others_hi = [&](size_t c) {
        bool self = bounds[c].second >= kUnbounded;
        if (unbounded - (self ? 1 : 0) > 0) return kUnbounded;
        return finite_hi_sum - (self ? 0 : bounds[c].second);
      };
      auto narrow = [&](std::pair<long long, long long>& b, long long lo, long long hi) {
        lo = std::clamp(lo, -kUnbounded, kUnbounded);
        hi = std::clamp(hi, -kUnbounded, kUnbounded);
        if (lo > b.first) b.first = lo, changed = true;
        if (hi < b.second) b.second = hi, changed = true;
      };
      auto& total = bounds[line.total];
      narrow(total, line.at_least ? largest_lo : lo_sum,
             unbounded > 0 ? kUnbounded : finite_hi_sum);
      for (size_t c : line.cells) {
        long long rest_hi = others_hi(c);
        long long lo = rest_hi >= kUnbounded ? 0 : total.first - rest_hi;
        long long hi = total.second;
        if (!line.at_least && total.second < kUnbounded)
          hi = total.second - (lo_sum - bounds[c].first);
        narrow(bounds[c], lo, hi);
      }
    }
    if (!changed) break;
  }
  return bounds;
}

std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines,
                                     long long threshold) {
  return SuppressCells(values, lines, threshold,
                       std::vector<CellState>(values.size(), CellState::kShown));
}

std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines, long long threshold,
                                     std::vector<CellState> initial) {
  return SuppressCells(values, lines, threshold, std::move(initial),
                       std::vector<bool>(values.size(), false));
}

std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines, long long threshold,
                                     std::vector<CellState> initial,
                                     const std::vector<bool>& locked_cells) {
  std::vector<CellState> states = std::move(initial);
  states.resize(values.size(), CellState::kShown);
  std::vector<bool> locked = locked_cells;
  locked.resize(values.size(), false);
  for (size_t i = 0; i < values.size(); ++i) {
    if (states[i] == CellState::kShown && values[i] < threshold && !locked[i])
      states[i] = CellState::kBelowThreshold;
  }
  HideForEachLine(values, lines, threshold, locked, states);
  // Step 4: lines that share cells can together pin a "< 5" that each line alone leaves open. While
  // a reader chaining every line pins one (other than zero), hide the smallest shown cell of a line
  // holding it (or that line's total), and apply steps 2-3 again. Every round hides a cell, so this
  // ends; with every number hidden nothing can be pinned.
  for (;;) {
    auto bounds = SuppressedCellBounds(values, states, lines, threshold);
    std::optional<size_t> pinned;
    for (size_t i = 0; i < values.size() && !pinned; ++i) {
      bool small = states[i] == CellState::kBelowThreshold && values[i] > 0;
      // A locked number that is not shown stays unknown too: another output hides it as well.
      bool locked_unshown = locked[i] && states[i] != CellState::kShown &&
                            !(states[i] == CellState::kBelowThreshold && values[i] == 0);
      if ((small || locked_unshown) && bounds[i].first == bounds[i].second) pinned = i;
    }
    if (!pinned) break;
    std::optional<size_t> smallest;
    auto consider = [&](size_t cell) {
      if (states[cell] == CellState::kShown && !locked[cell] &&
          (!smallest || values[cell] < values[*smallest]))
        smallest = cell;
    };
    auto holds = [](const SuppressionLine& line, size_t cell) {
      return line.total == cell ||
             std::find(line.cells.begin(), line.cells.end(), cell) != line.cells.end();
    };
    for (const auto& line : lines) {
      if (holds(line, *pinned)) {
        for (size_t cell : line.cells) consider(cell);
      }
    }
    if (!smallest) {
      for (const auto& line : lines) {
        if (std::find(line.cells.begin(), line.cells.end(), *pinned) != line.cells.end())
          consider(line.total);
      }
    }
    // Nothing shown and free touches the pinned cell directly (its neighbours may be locked):
    // look one line further at a time, through the numbers that are not shown, for the smallest
    // free number a reader used; else hide the smallest free number anywhere.
    std::vector<size_t> reached = {*pinned};
    std::vector<bool> visited(lines.size(), false);
    for (int depth = 0; depth < 4 && !smallest; ++depth) {
      std::vector<size_t> next;
      for (size_t l = 0; l < lines.size(); ++l) {
        if (visited[l]) continue;
        const auto& line = lines[l];
        bool touches = std::any_of(reached.begin(), reached.end(),
                                   [&](size_t cell) { return holds(line, cell); });
        if (!touches) continue;
        visited[l] = true;
        consider(line.total);
        for (size_t cell : line.cells) consider(cell);
        if (states[line.total] != CellState::kShown) next.push_back(line.total);
        for (size_t cell : line.cells) {
          if (states[cell] != CellState::kShown) next.push_back(cell);
        }
      }
      reached = std::move(next);
    }
    if (!smallest) {
      for (size_t i = 0; i < values.size(); ++i) consider(i);
    }
    if (!smallest) break;  // everything is suppressed already
    states[*smallest] = CellState::kHidden;
    HideForEachLine(values, lines, threshold, locked, states);
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
    line.at_least = table.multiple_per_report;
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
