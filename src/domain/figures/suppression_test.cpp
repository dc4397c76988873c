#include "domain/figures/suppression.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>

namespace meldpunt {
namespace {

constexpr long long kInfinity = std::numeric_limits<long long>::max() / 4;

// What a reader of the published numbers can conclude about each cell: the bounds from the
// states ("< 5" is 0..4, hidden is at least 5) narrowed by every line whose total is shown
// (taken as an exact sum, the strongest assumption), repeated until nothing changes.
std::vector<std::pair<long long, long long>> ReaderBounds(const std::vector<long long>& values,
                                                          const std::vector<CellState>& states,
                                                          const std::vector<SuppressionLine>& lines,
                                                          long long threshold) {
  std::vector<std::pair<long long, long long>> bounds(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (states[i] == CellState::kShown) bounds[i] = {values[i], values[i]};
    if (states[i] == CellState::kBelowThreshold) bounds[i] = {0, threshold - 1};
    if (states[i] == CellState::kHidden) bounds[i] = {threshold, kInfinity};
  }
  for (int round = 0; round < 20; ++round) {
    for (const auto& line : lines) {
      // total = sum(cells): narrow each side from the others. The unbounded cells (hidden) are
      // counted apart, so that one of them still gets bounds from the finite rest.
      long long lo_sum = 0, hi_sum = 0, unbounded = 0;
      for (size_t c : line.cells) {
        lo_sum += bounds[c].first;
        if (bounds[c].second >= kInfinity) {
          unbounded++;
        } else {
          hi_sum += bounds[c].second;
        }
      }
      auto& total = bounds[line.total];
      total.first = std::max(total.first, lo_sum);
      if (unbounded == 0) total.second = std::min(total.second, hi_sum);
      for (size_t c : line.cells) {
        long long others_lo = lo_sum - bounds[c].first;
        bool self = bounds[c].second >= kInfinity;
        long long others_hi =
            unbounded - (self ? 1 : 0) > 0 ? kInfinity : hi_sum - (self ? 0 : bounds[c].second);
        bounds[c].first =
            std::max(bounds[c].first, others_hi >= kInfinity ? 0 : total.first - others_hi);
        bounds[c].second = std::min(bounds[c].second, total.second - others_lo);
      }
    }
  }
  return bounds;
}

// No suppressed small number (1 to threshold - 1) can be pinned down to one value.
void ExpectNothingRecomputable(const std::vector<long long>& values,
                               const std::vector<SuppressionLine>& lines, long long threshold) {
  auto states = SuppressCells(values, lines, threshold);
  auto bounds = ReaderBounds(values, states, lines, threshold);
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] < threshold) {
      EXPECT_NE(states[i], CellState::kShown) << "cell " << i;
    }
    // A number at or above the threshold may be published; zero says nothing about a person.
    if (states[i] == CellState::kShown || values[i] == 0 || values[i] >= threshold) continue;
    EXPECT_LT(bounds[i].first, bounds[i].second)
        << "cell " << i << " (" << values[i] << ") can be worked out";
    EXPECT_LE(bounds[i].first, values[i]);
    EXPECT_GE(bounds[i].second, values[i]);
  }
}

TEST(Suppression, SmallCountsAreBelowThresholdAndTheNextSmallestIsHidden) {
  // total 30 = 3 + 7 + 20
  std::vector<long long> values = {30, 3, 7, 20};
  std::vector<SuppressionLine> lines = {{0, {1, 2, 3}}};
  auto states = SuppressCells(values, lines, 5);
  EXPECT_EQ(states[0], CellState::kShown);
  EXPECT_EQ(states[1], CellState::kBelowThreshold);
  EXPECT_EQ(states[2], CellState::kHidden) << "else 3 = 30 - 7 - 20";
  EXPECT_EQ(states[3], CellState::kShown);
  ExpectNothingRecomputable(values, lines, 5);
}

TEST(Suppression, TwoSmallCountsStillNeedAHiddenCell) {
  // 4 + 4 = 8 would be known from the total 28 - 20.
  std::vector<long long> values = {28, 4, 4, 20};
  std::vector<SuppressionLine> lines = {{0, {1, 2, 3}}};
  auto states = SuppressCells(values, lines, 5);
  EXPECT_EQ(states[3], CellState::kHidden);
  ExpectNothingRecomputable(values, lines, 5);
}

TEST(Suppression, OnlySmallCountsHideTheTotalWhenItWouldTellSomething) {
  std::vector<SuppressionLine> lines = {{0, {1, 2}}};
  EXPECT_EQ(SuppressCells({8, 4, 4}, lines, 5)[0], CellState::kHidden);
  EXPECT_EQ(SuppressCells({6, 3, 3}, lines, 5)[0], CellState::kHidden);
  std::vector<SuppressionLine> many = {{0, {1, 2, 3}}};
  EXPECT_EQ(SuppressCells({5, 2, 3, 0}, many, 5)[0], CellState::kShown)
      << "5 <= 4 * 2: every cell could still be 0..4";
  ExpectNothingRecomputable({8, 4, 4}, lines, 5);
}

TEST(Suppression, ASharedCellGetsOneStateAndTheOtherLineIsProtectedToo) {
  // Two lines share cell 2: 20 = 2 + 18 and 30 = 18 + 12. Hiding 18 in the first line needs a
  // second hidden cell in the second line, or 18 = 30 - 12 and then 2 = 20 - 18.
  std::vector<long long> values = {20, 2, 18, 30, 12};
  std::vector<SuppressionLine> lines = {{0, {1, 2}}, {3, {2, 4}}};
  auto states = SuppressCells(values, lines, 5);
  EXPECT_EQ(states[2], CellState::kHidden);
  EXPECT_EQ(states[4], CellState::kHidden);
  ExpectNothingRecomputable(values, lines, 5);
}

TEST(Suppression, RandomSingleTablesLeaveNothingToRecompute) {
  std::mt19937 random(7);
  for (int round = 0; round < 500; ++round) {
    size_t rows = 1 + random() % 8;
    std::vector<long long> values = {0};
    SuppressionLine line{0, {}};
    for (size_t r = 0; r < rows; ++r) {
      long long v = static_cast<long long>(random() % (random() % 2 ? 5 : 40));
      values[0] += v;
      line.cells.push_back(values.size());
      values.push_back(v);
    }
    SCOPED_TRACE(round);
    ExpectNothingRecomputable(values, {line}, 5);
  }
}

// Lines that share cells (the two summaries share one cell, and the tables share the totals): a
// reader who chains the lines must not pin any cell either (step 4 of the rule).
TEST(Suppression, RandomLinkedTablesLeaveNothingToRecompute) {
  std::mt19937 random(42);
  for (int round = 0; round < 500; ++round) {
    // Two summaries sharing a cell and one table over the first total, as in a municipal report.
    size_t rows = 2 + random() % 6;
    std::vector<long long> values;
    auto small = [&] { return static_cast<long long>(random() % (random() % 2 ? 5 : 40)); };
    long long b = small(), c = small(), e = small();
    values = {b + c, b, c, b + e, e};  // 0: A, 1: B, 2: C, 3: D, 4: E
    std::vector<SuppressionLine> lines = {{0, {1, 2}}, {3, {1, 4}}};
    // Split A over the rows.
    SuppressionLine table{0, {}};
    long long left = b + c;
    for (size_t r = 0; r < rows; ++r) {
      long long v = r + 1 == rows ? left : static_cast<long long>(random() % (left + 1));
      left -= v;
      table.cells.push_back(values.size());
      values.push_back(v);
    }
    lines.push_back(table);
    SCOPED_TRACE(round);
    ExpectNothingRecomputable(values, lines, 5);
  }
}

// Where a report counts in several cells (grounds), the cells add up to more than the total; the
// rule's own reader must still hold the true values within its bounds, and pin nothing.
TEST(Suppression, LockedCellsKeepTheirStateAndOtherCellsAreHiddenInstead) {
  // total 30 = 3 + 7 + 20, where 7 is published elsewhere as shown (locked): the rule hides 20.
  std::vector<long long> values = {30, 3, 7, 20};
  std::vector<SuppressionLine> lines = {{0, {1, 2, 3}}};
  std::vector<CellState> initial(4, CellState::kShown);
  std::vector<bool> locked = {false, false, true, false};
  auto states = SuppressCells(values, lines, 5, initial, locked);
  EXPECT_EQ(states[1], CellState::kBelowThreshold);
  EXPECT_EQ(states[2], CellState::kShown) << "locked";
  EXPECT_EQ(states[3], CellState::kHidden);
  // A locked "x" stays hidden even where nothing else asks for it.
  initial[3] = CellState::kHidden;
  locked = {false, false, false, true};
  states = SuppressCells({30, 10, 7, 13}, lines, 5, initial, locked);
  EXPECT_EQ(states[3], CellState::kHidden);
}

TEST(Suppression, WithEveryCellLockedTheTotalGoes) {
  // 30 = 3 + 7 + 20 with 7 and 20 locked as shown: only the total can hide the 3.
  std::vector<long long> values = {30, 3, 7, 20};
  std::vector<SuppressionLine> lines = {{0, {1, 2, 3}}};
  auto states = SuppressCells(values, lines, 5, std::vector<CellState>(4, CellState::kShown),
                              {false, false, true, true});
  EXPECT_EQ(states[1], CellState::kBelowThreshold);
  EXPECT_EQ(states[0], CellState::kHidden);
  // A zero under locked cells tells nothing about a person: the total stays.
  states = SuppressCells({27, 0, 7, 20}, lines, 5, std::vector<CellState>(4, CellState::kShown),
                         {false, false, true, true});
  EXPECT_EQ(states[0], CellState::kShown);
}

TEST(Suppression, ALockedHiddenCellIsNotGivenAwayByTheCellsUnderIt) {
  // A roll-up of 12 made up of one bureau's 12, where the roll-up is locked hidden (another
  // output hides it): showing the bureau's 12 would give it away, so it is hidden too.
  std::vector<long long> values = {12, 12};
  std::vector<SuppressionLine> lines = {{0, {1}}};
  std::vector<CellState> initial = {CellState::kHidden, CellState::kShown};
  auto states = SuppressCells(values, lines, 5, initial, {true, false});
  EXPECT_EQ(states[0], CellState::kHidden);
  EXPECT_EQ(states[1], CellState::kHidden);
}

TEST(Suppression, RandomLockedCellsLeaveNothingToRecompute) {
  // As RandomLinkedTables, with random cells locked in the state the rule alone gives them
  // (as when another output published them): still nothing can be pinned.
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    std::vector<long long> values = {0, 0};
    std::vector<SuppressionLine> lines = {{0, {}}, {1, {}}};
    size_t rows = 2 + random() % 6;
    for (size_t r = 0; r < rows; ++r) {
      long long v = static_cast<long long>(random() % (random() % 2 ? 5 : 40));
      long long w = static_cast<long long>(random() % (random() % 2 ? 5 : 40));
      values[0] += v;
      lines[0].cells.push_back(values.size());
      values.push_back(v);
      values[1] += w;
      lines[1].cells.push_back(values.size());
      values.push_back(w);
    }
    auto alone = SuppressCells(values, lines, 5);
    std::vector<bool> locked(values.size(), false);
    for (size_t i = 2; i < values.size(); ++i) locked[i] = random() % 3 == 0;
    auto states = SuppressCells(values, lines, 5, alone, locked);
    SCOPED_TRACE(round);
    auto bounds = ReaderBounds(values, states, lines, 5);
    for (size_t i = 0; i < values.size(); ++i) {
      if (locked[i]) EXPECT_EQ(states[i], alone[i]) << "cell " << i;
      if (values[i] < 5) EXPECT_NE(states[i], CellState::kShown) << "cell " << i;
      if (states[i] == CellState::kShown || values[i] == 0 || values[i] >= 5) continue;
      EXPECT_LT(bounds[i].first, bounds[i].second) << "cell " << i << " can be worked out";
    }
  }
}

TEST(Suppression, LinesWithSeveralCodesPerReportKeepTrueValuesInBounds) {
  std::mt19937 random(3);
  for (int round = 0; round < 300; ++round) {
    size_t rows = 2 + random() % 6;
    long long reports = random() % 60;
    std::vector<long long> values = {reports};
    SuppressionLine line{0, {}, true};
    for (size_t r = 0; r < rows; ++r) {
      line.cells.push_back(values.size());
      values.push_back(0);
    }
    // Every report has one code, a fifth of them a second one.
    for (long long i = 0; i < reports; ++i) {
      size_t first = random() % rows;
      values[1 + first]++;
      if (random() % 5 == 0) values[1 + (first + 1 + random() % (rows - 1)) % rows]++;
    }
    SCOPED_TRACE(round);
    auto states = SuppressCells(values, {line}, 5);
    auto bounds = SuppressedCellBounds(values, states, {line}, 5);
    for (size_t i = 0; i < values.size(); ++i) {
      EXPECT_LE(bounds[i].first, values[i]) << "cell " << i;
      EXPECT_GE(bounds[i].second, values[i]) << "cell " << i;
      if (values[i] < 5) {
        EXPECT_NE(states[i], CellState::kShown) << "cell " << i;
      }
      if (states[i] == CellState::kBelowThreshold && values[i] > 0) {
        EXPECT_LT(bounds[i].first, bounds[i].second) << "cell " << i << " is pinned";
      }
    }
  }
}

TEST(Suppression, MunicipalReportTablesAreSuppressedPerYear) {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto registry = *MunicipalityRegistry::FromCsv(text.str());
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 12; ++i) {
    ReportFacts fact;
    fact.id = i + 1;
    fact.reported_year = 2026;
    fact.incident_municipality = "GM0363";
    fact.residence_municipality = i < 10 ? "GM0363" : "GM0599";
    fact.grounds = {i < 9 ? "origin" : "age"};
    fact.domain = "housing";
    fact.nature = "threat";
    facts.push_back(fact);
  }
  auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, registry);
  SuppressReport(report);
  const auto& summary = report.tables[0];
  EXPECT_EQ(summary.total.current_state, CellState::kShown);                  // 12
  EXPECT_EQ(summary.rows[0].cell.current_state, CellState::kHidden);          // 10 residents
  EXPECT_EQ(summary.rows[1].cell.current_state, CellState::kBelowThreshold);  // 2
  EXPECT_EQ(summary.total.previous_state, CellState::kBelowThreshold);        // 0 in 2025
  EXPECT_FALSE(summary.total.change_shown());
  for (const auto& table : report.tables) {
    for (const auto& row : table.rows) {
      if (row.cell.current < 5) {
        EXPECT_NE(row.cell.current_state, CellState::kShown);
      }
      if (row.cell.previous < 5) {
        EXPECT_NE(row.cell.previous_state, CellState::kShown);
      }
    }
  }
}

// A parent ground counts every report with it or one of its sub-grounds (counting.hpp). Ground
// tables stay honest "at least" lines: each row at most the total, the rows adding up to at least
// it, a parent at least each of its sub-grounds; and suppression pins no small number, also for a
// reader who knows that a sub-ground is at most its parent.
TEST(Suppression, GroundTablesWithSubGroundsStayAtLeastLines) {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto registry = *MunicipalityRegistry::FromCsv(text.str());
  const std::vector<std::vector<std::string>> kCombinations = {
      {"origin"},
      {"origin", "origin.anti_black"},
      {"origin.anti_black"},
      {"origin.anti_black", "origin.anti_asian"},
      {"religion.antisemitism"},
      {"religion.anti_muslim", "sex"},
      {"religion"},
      {"age"},
      {"unknown"}};
  std::mt19937 random(12);
  for (int round = 0; round < 200; ++round) {
    SCOPED_TRACE(round);
    std::vector<ReportFacts> facts;
    long long reports = random() % 40;
    for (long long i = 0; i < reports; ++i) {
      ReportFacts fact;
      fact.id = i + 1;
      fact.reported_year = 2025 + static_cast<int>(random() % 2);
      fact.incident_municipality = "GM0363";
      fact.residence_municipality = random() % 3 == 0 ? "GM0599" : "GM0363";
      fact.grounds = kCombinations[random() % kCombinations.size()];
      fact.domain = "housing";
      fact.nature = "threat";
      facts.push_back(fact);
    }
    auto report = ComputeMunicipalReport(facts, {"GM0363", 2026}, registry);
    for (const auto& table : report.tables) {
      if (table.dimension != "ground") continue;
      ASSERT_TRUE(table.multiple_per_report);
      for (bool current : {true, false}) {
        auto value = [&](const FigureCell& cell) { return current ? cell.current : cell.previous; };
        long long sum = 0;
        for (const auto& row : table.rows) {
          sum += value(row.cell);
          EXPECT_LE(value(row.cell), value(table.total)) << row.code;
          std::string parent = row.code.substr(0, row.code.find('.'));
          for (const auto& other : table.rows) {
            if (other.code == parent) EXPECT_GE(value(other.cell), value(row.cell)) << row.code;
          }
        }
        EXPECT_GE(sum, value(table.total));
      }
    }
    SuppressReport(report);
    for (bool current : {true, false}) {
      // The reader: every table a line as SuppressReport makes them, plus "a sub-ground is at
      // most its parent".
      std::map<std::string, size_t> index;
      std::vector<long long> values;
      std::vector<CellState> states;
      std::vector<SuppressionLine> lines;
      auto add = [&](const FigureCell& cell) {
        auto [it, added] = index.emplace(cell.key, values.size());
        if (added) {
          values.push_back(current ? cell.current : cell.previous);
          states.push_back(current ? cell.current_state : cell.previous_state);
        }
        return it->second;
      };
      std::vector<std::pair<size_t, size_t>> sub_of;  // (sub-ground, parent)
      for (const auto& table : report.tables) {
        SuppressionLine line{add(table.total), {}, table.multiple_per_report};
        for (const auto& row : table.rows) line.cells.push_back(add(row.cell));
        lines.push_back(line);
        if (table.dimension != "ground") continue;
        for (const auto& row : table.rows) {
          std::string parent = row.code.substr(0, row.code.find('.'));
          for (const auto& other : table.rows) {
            if (other.code == parent && other.code != row.code)
              sub_of.push_back({index.at(row.cell.key), index.at(other.cell.key)});
          }
        }
      }
      auto bounds = SuppressedCellBounds(values, states, lines, 5);
      for (const auto& [sub, parent] : sub_of) {
        bounds[sub].second = std::min(bounds[sub].second, bounds[parent].second);
        bounds[parent].first = std::max(bounds[parent].first, bounds[sub].first);
      }
      for (size_t i = 0; i < values.size(); ++i) {
        if (values[i] < 5) EXPECT_NE(states[i], CellState::kShown) << "cell " << i;
        EXPECT_LE(bounds[i].first, values[i]) << "cell " << i;
        EXPECT_GE(bounds[i].second, values[i]) << "cell " << i;
        if (states[i] == CellState::kBelowThreshold && values[i] > 0)
          EXPECT_LT(bounds[i].first, bounds[i].second) << "cell " << i << " is pinned";
      }
    }
  }
}

}  // namespace
}  // namespace meldpunt
