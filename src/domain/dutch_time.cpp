#include "domain/dutch_time.hpp"

#include <chrono>
#include <cstdio>

namespace meldpunt {
namespace {

using namespace std::chrono;

// 01:00 UTC on the last Sunday of a month.
long long LastSundayOneAm(int year, month m) {
  sys_days day{std::chrono::year{year} / m / Sunday[last]};
  return duration_cast<seconds>(day.time_since_epoch()).count() + 3600;
}

}  // namespace

long long DutchUtcOffsetSeconds(long long unix_seconds) {
  int year =
      static_cast<int>(year_month_day{floor<days>(sys_seconds{seconds{unix_seconds}})}.year());
  bool summer =
      unix_seconds >= LastSundayOneAm(year, March) && unix_seconds < LastSundayOneAm(year, October);
  return summer ? 7200 : 3600;
}

std::string FormatDutchDate(long long unix_seconds) {
  return FormatDutchDateTime(unix_seconds).substr(0, 10);
}

std::string FormatDutchDateTime(long long unix_seconds) {
  sys_seconds local{seconds{unix_seconds + DutchUtcOffsetSeconds(unix_seconds)}};
  auto day = floor<days>(local);
  year_month_day date{day};
  hh_mm_ss time{local - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count() % 24),
                static_cast<int>(time.minutes().count() % 60));
  return buffer;
}

}  // namespace meldpunt
