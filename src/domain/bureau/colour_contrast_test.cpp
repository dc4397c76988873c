#include "domain/bureau/colour_contrast.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

double Ratio(const char* a, const char* b) {
  return ContrastRatio(*ParseHexColour(a), *ParseHexColour(b));
}

TEST(ColourContrast, ParsesSixDigitHexOnly) {
  EXPECT_EQ(ParseHexColour("#00497a"), (Rgb{0, 73, 122}));
  EXPECT_EQ(ParseHexColour("#FFffFF"), (Rgb{255, 255, 255}));
  EXPECT_FALSE(ParseHexColour("00497a"));
  EXPECT_FALSE(ParseHexColour("#fff"));
  EXPECT_FALSE(ParseHexColour("#00497a80"));
  EXPECT_FALSE(ParseHexColour("#00497g"));
  EXPECT_FALSE(ParseHexColour("red"));
  EXPECT_FALSE(ParseHexColour(""));
  EXPECT_EQ(HexColour({0, 73, 122}), "#00497a");
}

TEST(ColourContrast, MatchesTheWcagExtremesAndKnownPairs) {
  EXPECT_DOUBLE_EQ(Ratio("#000000", "#ffffff"), 21.0);
  EXPECT_DOUBLE_EQ(Ratio("#777777", "#777777"), 1.0);
  // Symmetric.
  EXPECT_DOUBLE_EQ(Ratio("#00497a", "#ffffff"), Ratio("#ffffff", "#00497a"));
  // #767676 on white is the classic "just passes" grey: 4.54:1.
  EXPECT_NEAR(Ratio("#767676", "#ffffff"), 4.54, 0.01);
  // #777777 on white just fails: 4.48:1.
  EXPECT_NEAR(Ratio("#777777", "#ffffff"), 4.48, 0.01);
  EXPECT_LT(Ratio("#777777", "#ffffff"), kMinimumContrast);
  EXPECT_GE(Ratio("#767676", "#ffffff"), kMinimumContrast);
  // Pure red on white: 4.0:1.
  EXPECT_NEAR(Ratio("#ff0000", "#ffffff"), 4.0, 0.01);
}

TEST(ColourContrast, LuminanceRunsFromBlackToWhite) {
  EXPECT_DOUBLE_EQ(RelativeLuminance({0, 0, 0}), 0.0);
  EXPECT_NEAR(RelativeLuminance({255, 255, 255}), 1.0, 1e-12);
  EXPECT_LT(RelativeLuminance({0, 0, 255}), RelativeLuminance({255, 0, 0}));
  EXPECT_LT(RelativeLuminance({255, 0, 0}), RelativeLuminance({0, 255, 0}));
}

}  // namespace
}  // namespace meldpunt
