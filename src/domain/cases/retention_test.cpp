#include "domain/cases/retention.hpp"

#include <gtest/gtest.h>

#include "domain/cases/bureau_settings.hpp"
#include "domain/date.hpp"

namespace meldpunt {
namespace {

long long At(const char* date, long long seconds_of_day = 0) {
  auto day = *ParseIsoDate(date);
  return std::chrono::sys_days{day}.time_since_epoch().count() * 86400 + seconds_of_day;
}

TEST(Retention, CutoffIsCalendarMonthsEarlierAtTheSameTime) {
  EXPECT_EQ(RetentionCutoff(At("2026-11-26", 3600), 24), At("2024-11-26", 3600));
  EXPECT_EQ(RetentionCutoff(At("2026-01-15"), 1), At("2025-12-15"));
  EXPECT_EQ(RetentionCutoff(At("2026-03-01", 59), 120), At("2016-03-01", 59));
}

TEST(Retention, ADayTheEarlierMonthLacksBecomesItsLastDay) {
  EXPECT_EQ(RetentionCutoff(At("2026-05-31"), 3), At("2026-02-28"));
  EXPECT_EQ(RetentionCutoff(At("2028-03-31"), 1), At("2028-02-29"));
  EXPECT_EQ(RetentionCutoff(At("2026-12-31"), 1), At("2026-11-30"));
}

TEST(Retention, ACaseIsDueTheRetentionPeriodAfterClosing) {
  EXPECT_EQ(RetentionDue(At("2024-11-26", 3600), 24), At("2026-11-26", 3600));
  EXPECT_EQ(RetentionDue(At("2026-01-31"), 1), At("2026-02-28"));
  // Due exactly when the cutoff passes the closing time.
  long long closed = At("2025-08-31", 7);
  long long due = RetentionDue(closed, 6);
  EXPECT_GT(RetentionCutoff(due + 86400, 6), closed);
  EXPECT_LE(RetentionCutoff(due - 86400, 6), closed);
}

TEST(Retention, TheDailyRunWaitsForTheHourInDutchTime) {
  // 2026-01-15 01:30 UTC is 02:30 in winter time: 03:00 is half an hour away.
  EXPECT_EQ(SecondsUntilDutchHour(At("2026-01-15", 5400), 3), 1800);
  // 2026-07-15 01:30 UTC is 03:30 in summer time: the next 03:00 is tomorrow.
  EXPECT_EQ(SecondsUntilDutchHour(At("2026-07-15", 5400), 3), 86400 - 1800);
  // Exactly at the hour: the next day, never zero.
  EXPECT_EQ(SecondsUntilDutchHour(At("2026-01-15", 2 * 3600), 3), 86400);
  // 23:01 UTC is 00:01 in the Netherlands: midnight is almost a day away.
  EXPECT_EQ(SecondsUntilDutchHour(At("2026-01-15", 23 * 3600 + 60), 0), 86400 - 60);
}

TEST(BureauSettings, DefaultsApplyUntilABureauChooses) {
  BureauSettings none;
  EXPECT_EQ(none.RetentionMonths(), 24);
  EXPECT_FALSE(none.IsChosen(kRetentionMonths));
  auto chosen = BureauSettings::FromStored({{"retention_months", "36"}, {"unknown", "5"}});
  EXPECT_EQ(chosen.RetentionMonths(), 36);
  EXPECT_TRUE(chosen.IsChosen(kRetentionMonths));
  EXPECT_THROW(chosen.Get("unknown"), std::out_of_range);
}

TEST(BureauSettings, AStoredValueOutsideItsRangeFallsBackToTheDefault) {
  EXPECT_EQ(BureauSettings::FromStored({{"retention_months", "0"}}).RetentionMonths(), 24);
  EXPECT_EQ(BureauSettings::FromStored({{"retention_months", "121"}}).RetentionMonths(), 24);
  EXPECT_EQ(BureauSettings::FromStored({{"retention_months", "abc"}}).RetentionMonths(), 24);
}

TEST(BureauSettings, ParseChecksNumbersAndRanges) {
  const SettingDefinition& retention = *FindSetting(kRetentionMonths);
  EXPECT_EQ(retention.min, 1);
  EXPECT_EQ(retention.max, 120);
  EXPECT_EQ(ParseSetting(retention, " 12 ").value, 12);
  EXPECT_FALSE(ParseSetting(retention, "12").problem);
  EXPECT_EQ(ParseSetting(retention, "1").value, 1);
  EXPECT_EQ(ParseSetting(retention, "120").value, 120);
  EXPECT_EQ(ParseSetting(retention, "").problem, SettingProblem::kRequired);
  EXPECT_EQ(ParseSetting(retention, "  ").problem, SettingProblem::kRequired);
  EXPECT_EQ(ParseSetting(retention, "twelve").problem, SettingProblem::kNotANumber);
  EXPECT_EQ(ParseSetting(retention, "12.5").problem, SettingProblem::kNotANumber);
  EXPECT_EQ(ParseSetting(retention, "0").problem, SettingProblem::kOutOfRange);
  EXPECT_EQ(ParseSetting(retention, "-3").problem, SettingProblem::kOutOfRange);
  EXPECT_EQ(ParseSetting(retention, "121").problem, SettingProblem::kOutOfRange);
  EXPECT_EQ(ParseSetting(retention, "99999999999999999999").problem, SettingProblem::kOutOfRange);
}

TEST(BureauSettings, EveryDefinitionHasASaneRangeAndDefault) {
  for (const auto& definition : AllBureauSettings()) {
    EXPECT_LE(definition.min, definition.fallback) << definition.name;
    EXPECT_LE(definition.fallback, definition.max) << definition.name;
    EXPECT_EQ(FindSetting(definition.name), &definition);
  }
}

}  // namespace
}  // namespace meldpunt
