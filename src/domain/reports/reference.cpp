#include "domain/reports/reference.hpp"

#include <charconv>
#include <cstdio>

#include "domain/dutch_time.hpp"

namespace meldpunt {

std::string FormatReference(int year, long long number) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "MP-%04d-%06lld", year, number);
  return buffer;
}

std::string ReferenceOfReport(long long reported_at, long long id) {
  return FormatReference(DutchYearOf(reported_at), id);
}

std::optional<ParsedReference> ParseReference(std::string_view text) {
  if (text.size() < 14 || !text.starts_with("MP-") || text[7] != '-') return std::nullopt;
  ParsedReference parsed{};
  auto year_part = text.substr(3, 4);
  auto number_part = text.substr(8);
  auto [p1, e1] =
      std::from_chars(year_part.data(), year_part.data() + year_part.size(), parsed.year);
  auto [p2, e2] =
      std::from_chars(number_part.data(), number_part.data() + number_part.size(), parsed.number);
  if (e1 != std::errc{} || e2 != std::errc{} || p1 != year_part.data() + year_part.size() ||
      p2 != number_part.data() + number_part.size() || parsed.number <= 0) {
    return std::nullopt;
  }
  return parsed;
}

}  // namespace meldpunt
