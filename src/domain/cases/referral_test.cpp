#include "domain/cases/referral.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

using namespace std::chrono;
constexpr Date kToday{year{2026}, month{12}, day{7}};

TEST(Referral, CodedDestinationAndDate) {
  ReferralCheck ok = CheckReferral({"police", "", "2026-12-07"}, kToday);
  EXPECT_EQ(ok.problem, "");
  EXPECT_EQ(FormatIsoDate(*ok.date), "2026-12-07");
  EXPECT_EQ(CheckReferral({"kinderombudsman", "", "2026-01-02"}, kToday).problem, "");
  EXPECT_EQ(CheckReferral({"", "", "2026-12-07"}, kToday).problem, "destination_unknown");
  EXPECT_EQ(CheckReferral({"advocaat", "", "2026-12-07"}, kToday).problem, "destination_unknown");
  EXPECT_EQ(CheckReferral({"police", "", "7-12-2026"}, kToday).problem, "date_invalid");
  EXPECT_EQ(CheckReferral({"police", "", "2026-12-08"}, kToday).problem, "date_in_future");
  EXPECT_EQ(CheckReferral({"police", "", "2026-12-08"}, kToday).field, "date");
}

TEST(Referral, AnotherBodyNeedsItsNameAndOnlyThen) {
  ReferralCheck other = CheckReferral({"other", "  Juridisch Loket ", "2026-12-01"}, kToday);
  EXPECT_EQ(other.problem, "");
  EXPECT_EQ(other.body, "Juridisch Loket");
  EXPECT_EQ(CheckReferral({"other", " ", "2026-12-01"}, kToday).problem, "body_required");
  EXPECT_EQ(CheckReferral({"other", std::string(101, 'x'), "2026-12-01"}, kToday).problem,
            "body_too_long");
  EXPECT_EQ(CheckReferral({"other", "a\nb", "2026-12-01"}, kToday).problem, "body_not_text");
  EXPECT_EQ(CheckReferral({"police", "Bureau Noord", "2026-12-01"}, kToday).problem,
            "body_not_applicable");
}

TEST(Referral, ARecordedReferralIsAHandlingAtClosing) {
  using Codes = std::vector<std::string>;
  EXPECT_EQ(WithReferralHandling({"advice"}, true), (Codes{"advice", "referral"}));
  EXPECT_EQ(WithReferralHandling({"referral", "advice"}, true), (Codes{"referral", "advice"}));
  EXPECT_EQ(WithReferralHandling({"advice"}, false), (Codes{"advice"}));
}

}  // namespace
}  // namespace meldpunt
