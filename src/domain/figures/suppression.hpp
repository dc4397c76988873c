#pragma once
// Small-number suppression (kleine aantallen) for figures that leave the bureau: counts under a
// threshold show as "< 5", and complementary cells are hidden so that no such count can be worked
// out from the totals. Staff views inside the bureau skip this and show exact numbers.
//
// The rule (docs/design.md, "Small numbers"): a line is a total with the cells that add up to it.
// 1. Primary: every cell under the threshold, zero included, is kBelowThreshold.
// 2. Complementary: in every line whose total is shown and that has exactly one suppressed cell,
//    or "< 5" cells but no kHidden cell, also hide its smallest shown cell (kHidden). With no shown
//    cell left, hide the total instead, unless it is so small that it says nothing more than
//    "< 5" does about any of them (total <= (threshold - 1) * (suppressed cells - 1)).
// 3. A number that appears in several places (same key) has one state everywhere; steps 2-3 repeat
//    until nothing changes.
// 4. Lines that share cells can be chained: while a reader who combines every line (bounds, see
//    SuppressedCellBounds) can pin a "< 5" other than zero, hide the smallest shown cell of a
//    line holding it, and repeat 2-4.
// Since a hidden cell is at least the threshold, the sum that a reader can work out for a line's
// suppressed cells always leaves each "< 5" open (except when they are all zero, which says
// nothing about a person).
#include <string>
#include <utility>
#include <vector>

#include "domain/figures/figures.hpp"

namespace meldpunt {

inline constexpr long long kDefaultSuppressionThreshold = 5;

// A total and the cells that add up to it, by index into the values.
struct SuppressionLine {
  size_t total = 0;
  std::vector<size_t> cells;
  // True where a report may count in several cells (grounds, handlings): the cells add up to at
  // least the total, and each is at most the total. Steps 2-3 still treat it as an exact sum (a
  // reader could assume one code per report); step 4 uses what is true.
  bool at_least = false;
};

// What a reader of the published states can work out about every value: [lowest, highest],
// from the states ("< 5" is 0..threshold-1, hidden is at least the threshold) narrowed by every
// line whose numbers are known, chained over shared cells until nothing changes. A shown value's
// bounds are the value itself.
std::vector<std::pair<long long, long long>> SuppressedCellBounds(
    const std::vector<long long>& values, const std::vector<CellState>& states,
    const std::vector<SuppressionLine>& lines, long long threshold);

// The states of `values` under the rule above.
std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines,
                                     long long threshold);
// The same, starting from `initial` states: a cell given as kHidden or kBelowThreshold keeps that
// state whatever its value (a number already suppressed in a file from elsewhere).
std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines, long long threshold,
                                     std::vector<CellState> initial);
// The same, where `locked` cells keep their initial state whatever happens: numbers that other
// outputs publish too (a municipality's totals, see domain/figures/published_totals.hpp), so that
// every output shows them the same way. The rule then hides other cells (or a line's total when it
// is not locked) instead. A locked cell that is not shown is also protected in step 4: while a
// reader can pin it to one value, another cell of a line holding it is hidden.
std::vector<CellState> SuppressCells(const std::vector<long long>& values,
                                     const std::vector<SuppressionLine>& lines, long long threshold,
                                     std::vector<CellState> initial,
                                     const std::vector<bool>& locked);

// Applies the rule to a municipal report, separately to this year's and the previous year's
// numbers. Every table is a line (also those where a report counts in several rows: a reader
// could assume one code per report), and so are the two summaries.
void SuppressReport(MunicipalReport& report, long long threshold = kDefaultSuppressionThreshold);

}  // namespace meldpunt
