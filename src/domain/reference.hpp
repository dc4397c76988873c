#pragma once
// The reference a reporter and staff use to speak about one report (meldingsnummer).
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

// "MP-2026-000042": the year of reporting and the report's number.
std::string FormatReference(int year, long long number);

struct ParsedReference {
  int year;
  long long number;
};
std::optional<ParsedReference> ParseReference(std::string_view text);

}  // namespace meldpunt
