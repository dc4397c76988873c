#pragma once
// The reference a reporter and staff use to speak about one report (meldingsnummer).
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

// "MP-2026-000042": the year of reporting and the report's number.
std::string FormatReference(int year, long long number);
// The reference of report `id` reported at a Unix time: its year is the Dutch calendar's
// (DutchYearOf), as the report's reported_year.
std::string ReferenceOfReport(long long reported_at, long long id);

struct ParsedReference {
  int year;
  long long number;
};
std::optional<ParsedReference> ParseReference(std::string_view text);

}  // namespace meldpunt
