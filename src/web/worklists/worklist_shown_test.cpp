// "Shown 1–100 of N" above the work list, from counts capped by the store: exact up to the cap,
// "more than" beyond it, in Dutch and English with the language's grouping of digits.
#include "web/worklists/worklist_shown.hpp"

#include <gtest/gtest.h>

namespace meldpunt::web {
namespace {

WorklistPage PageOf(int rows, long long preceding, bool preceding_capped, long long total,
                    bool total_capped) {
  WorklistPage page;
  page.reports.resize(rows);
  page.preceding = preceding;
  page.preceding_capped = preceding_capped;
  page.total = total;
  page.total_capped = total_capped;
  return page;
}

TEST(WorklistShown, TheRealCapIsTenThousand) { EXPECT_EQ(kWorklistCountCap, 10'000); }

TEST(WorklistShown, ExactCountsAreShownAsTheyAre) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  auto shown = DescribeWorklistShown(translator, Lang::kNl, PageOf(100, 100, false, 5629, false));
  EXPECT_EQ(shown.text, "Getoond 101–200 van 5.629");
  EXPECT_EQ(shown.first, "101");
  EXPECT_EQ(shown.last, "200");
  EXPECT_EQ(shown.total, "5629");
  EXPECT_EQ(shown.more_than, "");
  EXPECT_EQ(DescribeWorklistShown(translator, Lang::kEn, PageOf(100, 100, false, 5629, false)).text,
            "Shown 101–200 of 5,629");
  EXPECT_EQ(WorklistShownForAudit(PageOf(100, 100, false, 5629, false)), "101-200 of 5629");
}

TEST(WorklistShown, AnEmptyListShowsNoneOfNone) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  auto shown = DescribeWorklistShown(translator, Lang::kNl, PageOf(0, 0, false, 0, false));
  EXPECT_EQ(shown.text, "Getoond 0–0 van 0");
  EXPECT_EQ(shown.total, "0");
}

TEST(WorklistShown, ACappedTotalIsMoreThanTheCap) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  auto page = PageOf(100, 0, false, kWorklistCountCap, true);
  auto nl = DescribeWorklistShown(translator, Lang::kNl, page);
  EXPECT_EQ(nl.text, "Getoond 1–100 van meer dan 10.000");
  EXPECT_EQ(nl.first, "1");
  EXPECT_EQ(nl.last, "100");
  EXPECT_EQ(nl.total, "");  // not known exactly
  EXPECT_EQ(nl.more_than, "10000");
  EXPECT_EQ(DescribeWorklistShown(translator, Lang::kEn, page).text,
            "Shown 1–100 of more than 10,000");
  EXPECT_EQ(WorklistShownForAudit(page), "1-100 of more than 10000");
}

TEST(WorklistShown, APageBeyondTheCapSaysHowManyRowsAfterTheFirstTenThousand) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  auto page = PageOf(100, kWorklistCountCap, true, kWorklistCountCap, true);
  auto nl = DescribeWorklistShown(translator, Lang::kNl, page);
  EXPECT_EQ(nl.text, "Getoond: 100 rijen na de eerste 10.000, van meer dan 10.000");
  EXPECT_EQ(nl.first, "");
  EXPECT_EQ(nl.last, "");
  EXPECT_EQ(nl.more_than, "10000");
  EXPECT_EQ(DescribeWorklistShown(translator, Lang::kEn, page).text,
            "Shown 100 rows after the first 10,000 of more than 10,000");
  EXPECT_EQ(WorklistShownForAudit(page), "after more than 10000, of more than 10000");
}

}  // namespace
}  // namespace meldpunt::web
