#include "domain/cases/case_tag.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(CaseTag, NameRules) {
  EXPECT_EQ(CheckTagName("Sportscholen"), std::nullopt);
  EXPECT_EQ(CheckTagName("   "), "empty");
  EXPECT_EQ(CheckTagName(std::string(41, 'a')), "too_long");
  EXPECT_EQ(CheckTagName(std::string(40, 'a')), std::nullopt);
  // 40 characters of two bytes each are still 40 characters.
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(CheckTagName(accents), std::nullopt);
  EXPECT_EQ(CheckTagName("two\nlines"), "not_text");
}

TEST(CaseTag, KeyFoldsCaseAndSpaces) {
  EXPECT_EQ(TagNameKey("  Wijk   Noord "), "wijk noord");
  EXPECT_EQ(TagNameKey("wijk noord"), TagNameKey("WIJK NOORD"));
  EXPECT_NE(TagNameKey("wijk noord"), TagNameKey("wijk zuid"));
}

}  // namespace
}  // namespace meldpunt
