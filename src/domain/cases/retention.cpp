#include "domain/cases/retention.hpp"

#include <chrono>

#include "domain/dutch_time.hpp"

namespace meldpunt {

long long AddCalendarMonths(long long unix_seconds, int months) {
  using namespace std::chrono;
  sys_seconds at{seconds{unix_seconds}};
  auto day = floor<days>(at);
  auto time_of_day = at - day;
  year_month_day date{day};
  year_month moved = year_month{date.year(), date.month()} + std::chrono::months{months};
  auto last = year_month_day_last{moved.year(), month_day_last{moved.month()}}.day();
  year_month_day target{moved.year(), moved.month(), date.day() > last ? last : date.day()};
  return (sys_days{target} + time_of_day).time_since_epoch().count();
}

long long SecondsUntilDutchHour(long long now, int hour) {
  constexpr long long kDay = 86400;
  long long local = now + DutchUtcOffsetSeconds(now);
  long long day_start = local - ((local % kDay) + kDay) % kDay;
  long long target = day_start + hour * 3600LL;
  if (target <= local) target += kDay;
  return target - local;
}

}  // namespace meldpunt
