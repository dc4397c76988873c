#include "web/worklists/saved_filter_rules.hpp"

#include <gtest/gtest.h>

namespace meldpunt::web {
namespace {

TEST(SavedFilterRules, NameIsNeededAndAtMostSixtyCharacters) {
  EXPECT_TRUE(SavedFilterNameProblem(""));
  EXPECT_FALSE(SavedFilterNameProblem("Klachten Amsterdam"));
  EXPECT_FALSE(SavedFilterNameProblem(std::string(60, 'a')));
  EXPECT_TRUE(SavedFilterNameProblem(std::string(61, 'a')));
  std::string accents;
  for (int i = 0; i < 60; ++i) accents += "é";  // 120 bytes, 60 characters
  EXPECT_FALSE(SavedFilterNameProblem(accents));
  EXPECT_TRUE(SavedFilterNameProblem("twee\nregels"));
  EXPECT_TRUE(SavedFilterNameProblem("\xff\xfe"));
}

TEST(SavedFilterRules, KeepsTheFiltersAndDropsThePaging) {
  EXPECT_EQ(SavedFilterQuery("soort=klacht&na=1700000000-42&sorteer=referentie"),
            "soort=klacht&sorteer=referentie");
  EXPECT_EQ(SavedFilterQuery("voor=1-2&bewaard=1"), "");
  EXPECT_EQ(SavedFilterQuery(""), "");
  EXPECT_EQ(SavedFilterQuery("mijn=1&stap=open&van=2026-01-01"), "mijn=1&stap=open&van=2026-01-01");
  EXPECT_EQ(SavedFilterQuery("gemeente=GM0363&&grond=religion"), "gemeente=GM0363&grond=religion");
}

TEST(SavedFilterRules, RefusesWhatIsNoListAddress) {
  EXPECT_FALSE(SavedFilterQuery("soort=\"><script>"));
  EXPECT_FALSE(SavedFilterQuery("a b=c"));
  EXPECT_FALSE(SavedFilterQuery(std::string(kMaxSavedFilterQueryChars + 1, 'a')));
}

}  // namespace
}  // namespace meldpunt::web
