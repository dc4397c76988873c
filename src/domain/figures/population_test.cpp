#include "domain/figures/population.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(Population, ParsesWholeNumbersInRange) {
  EXPECT_EQ(ParsePopulation("931298").value, 931298);
  EXPECT_EQ(ParsePopulation(" 1 ").value, 1);
  EXPECT_EQ(ParsePopulation("10000000").value, 10'000'000);
  EXPECT_FALSE(ParsePopulation("").value);
  EXPECT_FALSE(ParsePopulation("").problem) << "an empty field changes nothing";
  EXPECT_FALSE(ParsePopulation("   ").problem);
}

TEST(Population, RefusesWhatIsNotAWholeNumberInRange) {
  EXPECT_EQ(ParsePopulation("0").problem, PopulationProblem::kOutOfRange);
  EXPECT_EQ(ParsePopulation("10000001").problem, PopulationProblem::kOutOfRange);
  EXPECT_EQ(ParsePopulation("99999999999999999999999").problem, PopulationProblem::kOutOfRange);
  EXPECT_EQ(ParsePopulation("-5").problem, PopulationProblem::kNotANumber);
  EXPECT_EQ(ParsePopulation("12.5").problem, PopulationProblem::kNotANumber);
  EXPECT_EQ(ParsePopulation("931.298").problem, PopulationProblem::kNotANumber);
  EXPECT_EQ(ParsePopulation("1e6").problem, PopulationProblem::kNotANumber);
  EXPECT_EQ(ParsePopulation("veel").problem, PopulationProblem::kNotANumber);
}

TEST(Population, YearsFromTheFirstFigureYearToThisYear) {
  EXPECT_TRUE(PopulationYearAllowed(2025, 2026));
  EXPECT_TRUE(PopulationYearAllowed(2026, 2026));
  EXPECT_FALSE(PopulationYearAllowed(2027, 2026));
  EXPECT_FALSE(PopulationYearAllowed(kFirstPopulationYear - 1, 2026));
}

TEST(Population, RatePer1000InTenthsRoundedHalfUp) {
  EXPECT_EQ(RateTenthsPer1000(25, 10'000), 25);  // 2.5
  EXPECT_EQ(RateTenthsPer1000(1, 1'000), 10);    // 1.0
  EXPECT_EQ(RateTenthsPer1000(1, 20'000), 1);    // 0.05 rounds up to 0.1
  EXPECT_EQ(RateTenthsPer1000(1, 20'001), 0);    // just under 0.05
  EXPECT_EQ(RateTenthsPer1000(7, 3'000), 23);    // 2.333…
  EXPECT_EQ(RateTenthsPer1000(5, 3'000), 17);    // 1.666…
  EXPECT_EQ(RateTenthsPer1000(0, 3'000), 0);
  EXPECT_EQ(RateTenthsPer1000(1'000'000, 1), 10'000'000'000LL);
  EXPECT_FALSE(RateTenthsPer1000(5, std::nullopt));
  EXPECT_FALSE(RateTenthsPer1000(5, 0));
}

TEST(Population, FormatsOneDecimalInTheLanguage) {
  EXPECT_EQ(FormatTenths(25, ','), "2,5");
  EXPECT_EQ(FormatTenths(25, '.'), "2.5");
  EXPECT_EQ(FormatTenths(0, '.'), "0.0");
  EXPECT_EQ(FormatTenths(1234, ','), "123,4");
}

TEST(Population, NoRateForASuppressedNumber) {
  FigureCell cell;
  cell.current = 3;
  cell.previous = 40;
  cell.current_state = CellState::kBelowThreshold;
  EXPECT_FALSE(CellRateTenths(cell, true, 1000)) << "3 per 1,000 of 1,000 would say 3";
  EXPECT_EQ(CellRateTenths(cell, false, 10'000), 40);
  cell.previous_state = CellState::kHidden;
  EXPECT_FALSE(CellRateTenths(cell, false, 10'000));
  cell.current_state = CellState::kShown;
  EXPECT_EQ(CellRateTenths(cell, true, 2'000), 15);
  EXPECT_FALSE(CellRateTenths(cell, true, std::nullopt));
}

}  // namespace
}  // namespace meldpunt
