#include "domain/cases/text_search.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(TextSearch, FoldsCaseAndDutchAccents) {
  EXPECT_EQ(FoldForSearch("Café DE Ruïne"), "cafe de ruine");
  EXPECT_EQ(FoldForSearch("Öztürk"), "ozturk");
  EXPECT_EQ(FoldForSearch("ĲSSELMEER"), "ijsselmeer");
  EXPECT_EQ(FoldForSearch("Straße Æble Œuvre"), "strasse aeble oeuvre");
  EXPECT_EQ(FoldForSearch("Łódź Škoda"), "lodz skoda");
}

TEST(TextSearch, DecomposedTextFoldsLikeComposed) {
  // "e" followed by U+0301 COMBINING ACUTE ACCENT.
  EXPECT_EQ(FoldForSearch("Cafe\xCC\x81"), FoldForSearch("Café"));
}

TEST(TextSearch, WhiteSpaceRunsBecomeOneSpace) {
  EXPECT_EQ(FoldForSearch("  van \t Dijk\n\nen\xC2\xA0zn  "), "van dijk en zn");
}

TEST(TextSearch, OtherScriptsAndSymbolsStayAsTheyAre) {
  EXPECT_EQ(FoldForSearch("Привет 3×4 €5"), "Привет 3×4 €5");
  EXPECT_EQ(FoldForSearch(std::string("a\xFF"
                                      "b")),
            std::string("a\xFF"
                        "b"));
  EXPECT_EQ(FoldForSearch("e\xCC"), "e\xCC");  // cut off in the middle of a sequence
}

TEST(TextSearch, MatchesFoldedTerms) {
  std::string text = FoldForSearch("De portier van café Ruïne zei dat ik niet binnen mocht.");
  EXPECT_TRUE(ContainsFolded(text, FoldForSearch("RUINE")));
  EXPECT_TRUE(ContainsFolded(text, FoldForSearch("cafe   ruïne")));
  EXPECT_FALSE(ContainsFolded(text, FoldForSearch("ruines")));
  EXPECT_TRUE(ContainsFolded(text, ""));
}

}  // namespace
}  // namespace meldpunt
