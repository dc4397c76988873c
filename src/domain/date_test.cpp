#include "domain/date.hpp"

#include <gtest/gtest.h>

#include "domain/reports/reference.hpp"

namespace meldpunt {
namespace {

TEST(Date, ParsesAndFormatsIsoDates) {
  auto date = ParseIsoDate("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(FormatIsoDate(*date), "2024-02-29");
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-1-01"));
  EXPECT_FALSE(ParseIsoDate("2023-01-01x"));
  EXPECT_FALSE(ParseIsoDate("+023-01-01"));
}

TEST(Date, ConvertsUnixTime) {
  EXPECT_EQ(FormatIsoDate(DateOfUnixSeconds(0)), "1970-01-01");
  EXPECT_EQ(FormatIsoDate(DateOfUnixSeconds(1795651199)), "2026-11-25");
  EXPECT_EQ(StartOfYearUnixSeconds(2026), 1767225600);
}

TEST(Reference, FormatsAndParsesBack) {
  EXPECT_EQ(FormatReference(2026, 42), "MP-2026-000042");
  auto parsed = ParseReference("MP-2026-000042");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->year, 2026);
  EXPECT_EQ(parsed->number, 42);
  EXPECT_EQ(FormatReference(2026, 1234567), "MP-2026-1234567");
  EXPECT_FALSE(ParseReference("MP-2026-00004x"));
  EXPECT_FALSE(ParseReference("XX-2026-000042"));
  EXPECT_FALSE(ParseReference("MP-2026-000000"));
}

}  // namespace
}  // namespace meldpunt
