#include "domain/dutch_time.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "domain/reports/reference.hpp"

namespace meldpunt {
namespace {

// Unix seconds of a UTC time, for readable tests.
long long Utc(int y, unsigned mo, unsigned d, int h, int mi) {
  namespace chrono = std::chrono;
  chrono::sys_days date{chrono::year{y} / chrono::month{mo} / chrono::day{d}};
  return chrono::duration_cast<chrono::seconds>(date.time_since_epoch()).count() + h * 3600 +
         mi * 60;
}

int UtcYearOf(long long unix_seconds) {
  return static_cast<int>(DateOfUnixSeconds(unix_seconds).year());
}

// The EU's summer-time rule (Directive 2000/84/EC), as meldpunt computed Dutch time by hand
// before it read the time-zone database: summer time from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October. Kept here to check the database against the law.
long long EuRuleOffsetSeconds(long long unix_seconds) {
  using namespace std::chrono;
  auto last_sunday_one_am = [](int year, month m) {
    sys_days day{std::chrono::year{year} / m / Sunday[last]};
    return duration_cast<seconds>(day.time_since_epoch()).count() + 3600;
  };
  int year = UtcYearOf(unix_seconds);
  bool summer = unix_seconds >= last_sunday_one_am(year, March) &&
                unix_seconds < last_sunday_one_am(year, October);
  return summer ? 7200 : 3600;
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

TEST(DutchTime, TheYearOfAReportIsTheDutchCalendars) {
  // 00:27 on 1 January in the Netherlands is still 31 December in UTC.
  long long new_year = Utc(2025, 12, 31, 23, 27);
  EXPECT_EQ(DutchYearOf(new_year), 2026);
  EXPECT_EQ(DutchMonthOf(new_year), 1);
  EXPECT_EQ(FormatDutchDate(new_year), "2026-01-01");
  EXPECT_EQ(DutchYearOf(Utc(2025, 12, 31, 22, 59)), 2025) << "23:59 on New Year's Eve";
  EXPECT_EQ(ReferenceOfReport(new_year, 42), "MP-2026-000042");
}

TEST(DutchTime, TheMonthFollowsSummerTime) {
  // 00:30 on 1 April in summer time (UTC+2) is 22:30 on 31 March in UTC.
  EXPECT_EQ(DutchMonthOf(Utc(2026, 3, 31, 22, 30)), 4);
  EXPECT_EQ(DutchMonthOf(Utc(2026, 3, 31, 21, 59)), 3);
  // In winter the month turns an hour before UTC's: 00:30 on 1 December is 23:30 UTC.
  EXPECT_EQ(DutchMonthOf(Utc(2026, 11, 30, 23, 30)), 12);
  EXPECT_EQ(DutchMonthOf(Utc(2026, 11, 30, 22, 59)), 11);
  EXPECT_EQ(DutchDateOf(Utc(2026, 3, 31, 22, 30)),
            std::chrono::year_month_day{std::chrono::year{2026} / 4 / 1});
}

// The time-zone database and the EU's rule agree on every hour and at every switch, from the
// first year the Netherlands followed it (1996, summer time ending in October) until 2037.
TEST(DutchTime, TheTimeZoneDatabaseAgreesWithTheEuRule) {
  for (int year = 1996; year <= 2037; ++year) {
    for (long long t = Utc(year, 1, 1, 0, 0); t < Utc(year + 1, 1, 1, 0, 0); t += 3600) {
      ASSERT_EQ(DutchUtcOffsetSeconds(t), EuRuleOffsetSeconds(t)) << FormatDutchDateTime(t);
    }
    for (unsigned month : {3u, 10u}) {
      for (unsigned day = 25; day <= 31; ++day) {
        long long switch_at = Utc(year, month, day, 1, 0);
        for (long long t : {switch_at - 1, switch_at}) {
          ASSERT_EQ(DutchUtcOffsetSeconds(t), EuRuleOffsetSeconds(t)) << year << "-" << month;
        }
      }
    }
  }
}

// Migration 24 computes a stored report's Dutch year in SQL as the UTC year of reported_at + 3600:
// right only because the Netherlands are on winter time (UTC+1) at every turn of the year. Every
// minute around every New Year from 1970 to 2038 proves it against the database.
TEST(DutchTime, TheDutchYearIsTheUtcYearOneHourLater) {
  for (int year = 1970; year <= 2038; ++year) {
    for (long long t = Utc(year - 1, 12, 31, 21, 0); t <= Utc(year, 1, 1, 3, 0); t += 60) {
      ASSERT_EQ(DutchYearOf(t), UtcYearOf(t + 3600)) << FormatDutchDateTime(t);
    }
    long long noon = Utc(year, 7, 1, 12, 0);
    ASSERT_EQ(DutchYearOf(noon), UtcYearOf(noon + 3600));
  }
}

}  // namespace
}  // namespace meldpunt
