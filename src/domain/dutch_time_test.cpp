#include "domain/dutch_time.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace meldpunt {
namespace {

// Unix seconds of a UTC time, for readable tests.
long long Utc(int y, unsigned mo, unsigned d, int h, int mi) {
  namespace chrono = std::chrono;
  chrono::sys_days date{chrono::year{y} / chrono::month{mo} / chrono::day{d}};
  return chrono::duration_cast<chrono::seconds>(date.time_since_epoch()).count() + h * 3600 +
         mi * 60;
}

TEST(DutchTime, WinterIsUtcPlusOneSummerUtcPlusTwo) {
  EXPECT_EQ(FormatDutchDateTime(Utc(2026, 1, 15, 12, 0)), "2026-01-15 13:00");
  EXPECT_EQ(FormatDutchDateTime(Utc(2026, 7, 1, 12, 30)), "2026-07-01 14:30");
  EXPECT_EQ(FormatDutchDateTime(Utc(2026, 12, 31, 23, 30)), "2027-01-01 00:30")
      << "New Year comes an hour earlier in the Netherlands";
}

TEST(DutchTime, SwitchesOnTheLastSundaysOfMarchAndOctoberAtOneUtc) {
  // 2026: summer time from Sunday 29 March to Sunday 25 October.
  EXPECT_EQ(DutchUtcOffsetSeconds(Utc(2026, 3, 29, 0, 59)), 3600);
  EXPECT_EQ(DutchUtcOffsetSeconds(Utc(2026, 3, 29, 1, 0)), 7200);
  EXPECT_EQ(FormatDutchDateTime(Utc(2026, 3, 29, 1, 0)), "2026-03-29 03:00");
  EXPECT_EQ(DutchUtcOffsetSeconds(Utc(2026, 10, 25, 0, 59)), 7200);
  EXPECT_EQ(DutchUtcOffsetSeconds(Utc(2026, 10, 25, 1, 0)), 3600);
  EXPECT_EQ(FormatDutchDateTime(Utc(2026, 10, 25, 1, 0)), "2026-10-25 02:00");
}

}  // namespace
}  // namespace meldpunt
