#include "domain/cases/mediation.hpp"

#include <gtest/gtest.h>

#include "domain/dutch_time.hpp"

namespace meldpunt {
namespace {

TEST(Mediation, MomentInDutchTimeWinterAndSummer) {
  LoadDutchTimeZone();
  auto winter = DutchMomentOf("2026-12-10", "14:30");
  ASSERT_TRUE(winter);
  EXPECT_EQ(FormatDutchDateTime(*winter), "2026-12-10 14:30");
  EXPECT_EQ(*winter, 1796909400) << "13:30 UTC";
  auto summer = DutchMomentOf("2026-07-01", "09:00");
  ASSERT_TRUE(summer);
  EXPECT_EQ(FormatDutchDateTime(*summer), "2026-07-01 09:00");
  EXPECT_EQ(DutchUtcOffsetSeconds(*summer), 7200);
  // The day summer time starts (29 March 2026, 02:00 becomes 03:00): both sides of it.
  EXPECT_EQ(FormatDutchDateTime(*DutchMomentOf("2026-03-29", "01:30")), "2026-03-29 01:30");
  EXPECT_EQ(FormatDutchDateTime(*DutchMomentOf("2026-03-29", "03:30")), "2026-03-29 03:30");
}

TEST(Mediation, MomentRefusesWhatIsNotADateOrATime) {
  LoadDutchTimeZone();
  for (auto [date, time] : {std::pair{"2026-02-30", "10:00"}, std::pair{"10-12-2026", "10:00"},
                            std::pair{"2026-12-10", "24:00"}, std::pair{"2026-12-10", "9:05"},
                            std::pair{"2026-12-10", "10:60"}, std::pair{"2026-12-10", ""}}) {
    EXPECT_FALSE(DutchMomentOf(date, time)) << date << " " << time;
  }
}

TEST(Mediation, ChecksInTheOrderOfTheForm) {
  LoadDutchTimeZone();
  EXPECT_EQ(CheckMediation("", "", "", "").problem, MediationProblem::kDateMissing);
  EXPECT_EQ(CheckMediation("morgen", "10:00", "x", "").problem, MediationProblem::kDateInvalid);
  EXPECT_EQ(CheckMediation("2026-12-10", "", "x", "").problem, MediationProblem::kTimeInvalid);
  EXPECT_EQ(CheckMediation("2026-12-10", "10:00", "  ", "").problem,
            MediationProblem::kPlaceMissing);
  EXPECT_EQ(CheckMediation("2026-12-10", "10:00", std::string(201, 'a'), "").problem,
            MediationProblem::kPlaceTooLong);
  EXPECT_EQ(CheckMediation("2026-12-10", "10:00", "Stadhuis", std::string(501, 'a')).problem,
            MediationProblem::kParticipantsTooLong);
  EXPECT_EQ(CheckMediation("2026-12-10", "10:00", "Stad\x01huis", "").problem,
            MediationProblem::kInvalidText);
  // 200 characters of two bytes each: within the limit, which counts characters.
  std::string place;
  for (int i = 0; i < 200; ++i) place += "\xC3\xA9";
  auto ok = CheckMediation(" 2026-12-10 ", "10:00", place, " Melder, wederpartij\nbemiddelaar ");
  ASSERT_TRUE(ok.input) << static_cast<int>(*ok.problem);
  EXPECT_EQ(ok.input->participants, "Melder, wederpartij\nbemiddelaar");
  EXPECT_EQ(ok.input->planned_at, *DutchMomentOf("2026-12-10", "10:00"));
}

}  // namespace
}  // namespace meldpunt
