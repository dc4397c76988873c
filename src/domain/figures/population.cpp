#include "domain/figures/population.hpp"

#include <charconv>

namespace meldpunt {

PopulationParse ParsePopulation(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return {};
  for (char c : text) {
    if (c < '0' || c > '9') return {std::nullopt, PopulationProblem::kNotANumber};
  }
  // More digits than the largest allowed number has cannot be in range (and would overflow).
  if (text.size() > 9) return {std::nullopt, PopulationProblem::kOutOfRange};
  long long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  if (value < kMinPopulation || value > kMaxPopulation)
    return {std::nullopt, PopulationProblem::kOutOfRange};
  return {value, std::nullopt};
}

bool PopulationYearAllowed(int year, int this_year) {
  return year >= kFirstPopulationYear && year <= this_year;
}

std::optional<long long> RateTenthsPer1000(long long count, std::optional<long long> population) {
  if (!population || *population <= 0 || count < 0) return std::nullopt;
  // tenths = count * 1000 * 10 / population, rounded half up, in integers so that 0.05 is
  // never 0.04999… (counts and populations are far below the range where this overflows).
  return (count * 10'000 * 2 + *population) / (2 * *population);
}

std::string FormatTenths(long long tenths, char decimal_mark) {
  std::string text = std::to_string(tenths / 10);
  text += decimal_mark;
  text += static_cast<char>('0' + tenths % 10);
  return text;
}

std::optional<long long> CellRateTenths(const FigureCell& cell, bool current,
                                        std::optional<long long> population) {
  CellState state = current ? cell.current_state : cell.previous_state;
  if (state != CellState::kShown) return std::nullopt;
  return RateTenthsPer1000(current ? cell.current : cell.previous, population);
}

}  // namespace meldpunt
