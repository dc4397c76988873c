#include "domain/reports/intake.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/dutch_time.hpp"

namespace meldpunt {
namespace {

const Date kToday = *ParseIsoDate("2026-11-26");

std::vector<std::string> Fields(const IntakeValidation& v) {
  std::vector<std::string> fields;
  for (const auto& e : v.errors) fields.push_back(e.field);
  return fields;
}

std::optional<Problem> ProblemOf(const IntakeValidation& v, const std::string& field) {
  for (const auto& e : v.errors)
    if (e.field == field) return e.problem;
  return std::nullopt;
}

TEST(Intake, EveryStaffChannelIsAcceptedAndTheWebIsNot) {
  for (auto channel : kStaffChannels) {
    auto v = ValidateIntake({std::string(channel), ""}, kToday, nullptr);
    ASSERT_TRUE(v.intake) << channel;
    EXPECT_EQ(v.intake->channel, channel);
    EXPECT_FALSE(v.intake->received_on) << "empty means today";
  }
  EXPECT_EQ(ProblemOf(ValidateIntake({"", ""}, kToday, nullptr), "channel"), Problem::kRequired);
  EXPECT_EQ(ProblemOf(ValidateIntake({"web", ""}, kToday, nullptr), "channel"),
            Problem::kInvalidChoice);
  EXPECT_EQ(ProblemOf(ValidateIntake({"fax", ""}, kToday, nullptr), "channel"),
            Problem::kInvalidChoice);
  EXPECT_EQ(std::count(kStaffChannels.begin(), kStaffChannels.end(), kChannelWeb), 0);
}

TEST(Intake, DateOfReceiptIsNotInTheFutureNorOverAYearAgoNorBeforeTheIncident) {
  auto check = [](const char* received, const IncidentDate* incident = nullptr) {
    return ValidateIntake({"letter", received}, kToday, incident);
  };
  EXPECT_FALSE(check("2026-11-26").intake->received_on) << "today is the default";
  EXPECT_EQ(*check(" 2026-11-20 ").intake->received_on, *ParseIsoDate("2026-11-20"));
  EXPECT_EQ(ProblemOf(check("2026-11-27"), "received_date"), Problem::kFutureDate);
  EXPECT_TRUE(check("2025-11-25").intake) << "366 days ago";
  EXPECT_EQ(ProblemOf(check("2025-11-24"), "received_date"), Problem::kTooOld);
  EXPECT_EQ(ProblemOf(check("26-11-2026"), "received_date"), Problem::kInvalidDate);
  EXPECT_EQ(ProblemOf(check("2026-02-30"), "received_date"), Problem::kInvalidDate);

  IncidentDate day{*ParseIsoDate("2026-11-10"), DatePrecision::kDay};
  EXPECT_EQ(ProblemOf(check("2026-11-09", &day), "received_date"), Problem::kBeforeIncident);
  EXPECT_TRUE(check("2026-11-10", &day).intake) << "received the day it happened";
  // "Some day in November": a letter of 1 November may be about it.
  IncidentDate month{*ParseIsoDate("2026-11-01"), DatePrecision::kMonth};
  EXPECT_TRUE(check("2026-11-01", &month).intake);
  EXPECT_EQ(ProblemOf(check("2026-10-31", &month), "received_date"), Problem::kBeforeIncident);
}

TEST(Intake, BothFieldsAreCheckedAtOnce) {
  auto v = ValidateIntake({"", "2030-01-01"}, kToday, nullptr);
  EXPECT_EQ(Fields(v), (std::vector<std::string>{"channel", "received_date"}));
  EXPECT_FALSE(v.intake);
}

TEST(Intake, AReportReceivedOnAnEarlierDayIsDatedNoonUtcOfThatDay) {
  for (const char* text : {"2026-01-01", "2026-03-29", "2026-07-01", "2026-10-25", "2026-12-31"}) {
    Date day = *ParseIsoDate(text);
    long long at = ReceivedAtNoonUtc(day);
    EXPECT_EQ(DateOfUnixSeconds(at), day) << text;
    EXPECT_EQ(DateOfUnixSeconds(at + DutchUtcOffsetSeconds(at)), day) << "also in the Netherlands";
  }
}

}  // namespace
}  // namespace meldpunt
