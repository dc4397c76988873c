#pragma once
// Times and the calendar of the Netherlands: Europe/Amsterdam (CET, with summer time CEST), read
// from the system's time-zone database (Debian's tzdata, through Howard Hinnant's date library:
// libstdc++ 12 has no std::chrono::tzdb). A report's year and month (in the figures, the
// dashboard and its reference number MP-2026-...) are those of the Dutch calendar.
#include <string>

#include "domain/date.hpp"

namespace meldpunt {

// The zone every Dutch time is taken from.
inline constexpr const char* kDutchTimeZone = "Europe/Amsterdam";

// Loads the zone now, so a missing time-zone database stops the program at its start instead of
// failing a request; throws std::runtime_error naming the package to install.
void LoadDutchTimeZone();

// The offset from UTC in seconds at a Unix time: 3600 (CET) or 7200 (CEST).
long long DutchUtcOffsetSeconds(long long unix_seconds);
// The calendar day in the Netherlands at a Unix time.
Date DutchDateOf(long long unix_seconds);
// The year in the Netherlands at a Unix time: the year of a report reported then (reported_year).
int DutchYearOf(long long unix_seconds);
// The month (1-12) in the Netherlands at a Unix time.
int DutchMonthOf(long long unix_seconds);
// "2026-03-31", the calendar day in the Netherlands.
std::string FormatDutchDate(long long unix_seconds);
// "2026-03-31 14:05" in Dutch time.
std::string FormatDutchDateTime(long long unix_seconds);

}  // namespace meldpunt
