#pragma once
// Population figures (inwonertallen) and reports per 1,000 inhabitants. An admin enters the
// number of inhabitants of a municipality for a year; a figure is then also shown per 1,000
// inhabitants of that year, with one decimal. A rate is only ever derived from a number that is
// itself shown: from a rate and a public population a suppressed count could be worked out.
// No I/O.
#include <optional>
#include <string>
#include <string_view>

#include "domain/figures/figures.hpp"

namespace meldpunt {

inline constexpr long long kMinPopulation = 1;
inline constexpr long long kMaxPopulation = 10'000'000;
// Years a population may be entered for: from the oldest year the figures go back to, up to and
// including the current year.
inline constexpr int kFirstPopulationYear = 1990;

// The number of inhabitants of a municipality (today's CBS code) in a year.
struct PopulationFigure {
  std::string municipality;
  int year = 0;
  long long inhabitants = 0;
};

enum class PopulationProblem {
  kNotANumber,  // letters, decimals, separators
  kOutOfRange,  // below kMinPopulation or above kMaxPopulation
};

// What was typed in one field: empty (nothing to change), a valid number, or a problem.
struct PopulationParse {
  std::optional<long long> value;
  std::optional<PopulationProblem> problem;
};
// Whole numbers only, without separators; spaces around are ignored; empty is neither a value
// nor a problem.
PopulationParse ParsePopulation(std::string_view text);

// Whether a population may be entered for `year` when it is now `this_year`.
bool PopulationYearAllowed(int year, int this_year);

// count per 1,000 inhabitants in tenths (25 = 2.5), rounded half up; nullopt without a
// (positive) population.
std::optional<long long> RateTenthsPer1000(long long count, std::optional<long long> population);

// "2.5" with decimal_mark '.', "2,5" with ','.
std::string FormatTenths(long long tenths, char decimal_mark);

// The rate of one number of a cell (this year's or the previous year's): only when that number
// is shown (a rate next to "< 5" or "x" would give the number away) and the population is known.
std::optional<long long> CellRateTenths(const FigureCell& cell, bool current,
                                        std::optional<long long> population);

}  // namespace meldpunt
