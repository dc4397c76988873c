#pragma once
// Times shown to people in the Netherlands: Central European Time, with the EU's summer time
// (from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC).
// libstdc++ 12 has no time-zone database, and this one rule is all the site needs.
#include <string>

namespace meldpunt {

// The offset from UTC in seconds at a Unix time: 3600 (CET) or 7200 (CEST).
long long DutchUtcOffsetSeconds(long long unix_seconds);
// "2026-03-31", the calendar day in the Netherlands.
std::string FormatDutchDate(long long unix_seconds);
// "2026-03-31 14:05" in Dutch time.
std::string FormatDutchDateTime(long long unix_seconds);

}  // namespace meldpunt
