#include "domain/audit_query.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

// Input with one field typed (designated initializers that leave fields out make GCC warn).
AuditQueryInput With(std::string AuditQueryInput::*field, std::string value) {
  AuditQueryInput input;
  input.*field = std::move(value);
  return input;
}

AuditQueryInput Period(std::string from, std::string to) {
  AuditQueryInput input;
  input.from = std::move(from);
  input.to = std::move(to);
  return input;
}

std::vector<std::string> Fields(const ParsedAuditQuery& parsed) {
  std::vector<std::string> fields;
  for (const auto& e : parsed.errors) fields.push_back(e.field);
  return fields;
}

TEST(AuditQuery, NothingTypedIsNoFilterOnPageOne) {
  auto parsed = ParseAuditQuery({});
  EXPECT_TRUE(parsed.errors.empty());
  EXPECT_FALSE(parsed.query.Filtered());
  EXPECT_EQ(parsed.query.page, 1);
  EXPECT_FALSE(parsed.query.up_to_id);
}

TEST(AuditQuery, TakesEveryFilterAsTyped) {
  auto parsed = ParseAuditQuery({.reference = " mp-2026-000042 ",
                                 .staff_email = "an@adv.example",
                                 .action = "report.read",
                                 .from = "2026-03-01",
                                 .to = "2026-03-31",
                                 .page = "3",
                                 .up_to = "990"});
  ASSERT_TRUE(parsed.errors.empty());
  const auto& q = parsed.query;
  EXPECT_EQ(q.report_id, 42);
  EXPECT_EQ(q.report_year, 2026);
  EXPECT_EQ(q.staff_email, "an@adv.example");
  EXPECT_EQ(q.action, "report.read");
  // 1 March 2026 starts at 00:00 CET (23:00 UTC the day before); 31 March ends at 24:00 CEST.
  EXPECT_EQ(q.from, 1772319600);   // 2026-02-28T23:00:00Z
  EXPECT_EQ(q.until, 1774994400);  // 2026-03-31T22:00:00Z
  EXPECT_EQ(q.page, 3);
  EXPECT_EQ(q.up_to_id, 990);
  EXPECT_TRUE(q.Filtered());
}

TEST(AuditQuery, ChecksEachFieldAndSaysWhichOnes) {
  auto parsed = ParseAuditQuery({.reference = "MP-2026-42",
                                 .staff_email = "nobody",
                                 .action = "drop",
                                 .from = "2026-02-30",
                                 .to = "yesterday",
                                 .page = "",
                                 .up_to = ""});
  EXPECT_EQ(Fields(parsed),
            (std::vector<std::string>{"reference", "staff_email", "action", "from", "to"}));
  EXPECT_EQ(parsed.errors[3].problem, AuditQueryProblem::kDate);
  for (std::string bad : {"42", "MP-26-000042", "MP-2026-0000x2", "MP-2026--00042",
                          "XX-2026-000042", "MP-2026-000000", "MP-2026-000042 or 1=1"}) {
    EXPECT_EQ(Fields(ParseAuditQuery(With(&AuditQueryInput::reference, bad))),
              (std::vector<std::string>{"reference"}))
        << bad;
  }
  EXPECT_TRUE(ParseAuditQuery(With(&AuditQueryInput::reference, "MP-2026-1234567")).errors.empty());
}

TEST(AuditQuery, AReversedPeriodIsRefused) {
  auto parsed = ParseAuditQuery(Period("2026-03-10", "2026-03-01"));
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].field, "to");
  EXPECT_EQ(parsed.errors[0].problem, AuditQueryProblem::kRangeReversed);
  EXPECT_TRUE(ParseAuditQuery(Period("2026-03-10", "2026-03-10")).errors.empty());
}

TEST(AuditQuery, AnUnusablePageIsTheFirst) {
  for (std::string page : {"0", "-1", "x", "2x", "100001", "99999999999999999999"}) {
    EXPECT_EQ(ParseAuditQuery(With(&AuditQueryInput::page, page)).query.page, 1) << page;
  }
  EXPECT_EQ(ParseAuditQuery(With(&AuditQueryInput::page, "100000")).query.page, 100000);
  EXPECT_FALSE(ParseAuditQuery(With(&AuditQueryInput::up_to, "-5")).query.up_to_id);
}

TEST(AuditQuery, EveryKnownActionIsAcceptedAndOnlyThose) {
  for (auto action : kAuditActions)
    EXPECT_TRUE(ParseAuditQuery(With(&AuditQueryInput::action, std::string(action))).errors.empty())
        << action;
  EXPECT_FALSE(IsAuditAction("REPORT.READ"));
}

TEST(AuditQuery, DutchDaysStartAtLocalMidnight) {
  using namespace std::chrono;
  // Winter (CET, UTC+1) and summer (CEST, UTC+2), and the days of the switches.
  EXPECT_EQ(DutchDayStart(2026y / January / 15), 1768431600);  // 2026-01-14T23:00:00Z
  EXPECT_EQ(DutchDayStart(2026y / July / 1), 1782856800);      // 2026-06-30T22:00:00Z
  EXPECT_EQ(DutchDayStart(2026y / March / 29), 1774738800);    // switch day: still CET at 00:00
  EXPECT_EQ(DutchDayStart(2026y / March / 30), 1774821600);    // CEST
  EXPECT_EQ(DutchDayStart(2026y / October / 25), 1792879200);  // switch day: still CEST at 00:00
  EXPECT_EQ(DutchDayStart(2026y / October / 26), 1792969200);  // CET
}

}  // namespace
}  // namespace meldpunt
