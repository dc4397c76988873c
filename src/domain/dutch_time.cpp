#include "domain/dutch_time.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace meldpunt {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

const date::time_zone& Zone() {
  // Found once; the database stays loaded for the life of the process.
  static const date::time_zone* const zone = [] {
    try {
      return date::locate_zone(kDutchTimeZone);
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("no time zone ") + kDutchTimeZone +
                               " in the system's time-zone database (install the package "
                               "tzdata): " +
                               e.what());
    }
  }();
  return *zone;
}

// The period of one offset around a Unix time. Reports come in time order, so most lookups
// (the figures, a bulk load) fall in the period of the one before: each thread keeps its last.
struct OffsetPeriod {
  long long begin = 0;
  long long end = 0;  // exclusive; begin == end: nothing cached yet
  long long offset = 0;
};

long long OffsetAt(long long unix_seconds) {
  thread_local OffsetPeriod last;
  if (unix_seconds >= last.begin && unix_seconds < last.end) return last.offset;
  date::sys_info info = Zone().get_info(sys_seconds{seconds{unix_seconds}});
  last.begin = info.begin.time_since_epoch().count();
  last.end = info.end.time_since_epoch().count();
  last.offset = info.offset.count();
  return last.offset;
}

sys_seconds DutchLocal(long long unix_seconds) {
  return sys_seconds{seconds{unix_seconds + OffsetAt(unix_seconds)}};
}

}  // namespace

void LoadDutchTimeZone() { (void)OffsetAt(0); }

long long DutchUtcOffsetSeconds(long long unix_seconds) { return OffsetAt(unix_seconds); }

Date DutchDateOf(long long unix_seconds) {
  return Date{std::chrono::floor<std::chrono::days>(DutchLocal(unix_seconds))};
}

int DutchYearOf(long long unix_seconds) {
  return static_cast<int>(DutchDateOf(unix_seconds).year());
}

int DutchMonthOf(long long unix_seconds) {
  return static_cast<int>(static_cast<unsigned>(DutchDateOf(unix_seconds).month()));
}

std::string FormatDutchDate(long long unix_seconds) {
  return FormatIsoDate(DutchDateOf(unix_seconds));
}

std::string FormatDutchDateTime(long long unix_seconds) {
  using namespace std::chrono;
  sys_seconds local = DutchLocal(unix_seconds);
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
