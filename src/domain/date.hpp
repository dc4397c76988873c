#pragma once
// Calendar dates as typed in forms (YYYY-MM-DD).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

using Date = std::chrono::year_month_day;

// Strict ISO 8601 calendar date; nullopt for anything else, including 2023-02-30.
std::optional<Date> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(Date date);
// The UTC calendar date of a Unix time in seconds.
Date DateOfUnixSeconds(long long seconds);
// First second (UTC) of a year, for year ranges in queries.
long long StartOfYearUnixSeconds(int year);

}  // namespace meldpunt
