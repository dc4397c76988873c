#include "web/common/csv.hpp"

#include <gtest/gtest.h>

namespace meldpunt::web {
namespace {

TEST(Csv, QuotesEveryCellAndDoublesQuotes) {
  EXPECT_EQ(CsvCell("plain"), "\"plain\"");
  EXPECT_EQ(CsvCell(""), "\"\"");
  EXPECT_EQ(CsvCell("say \"hi\", then\nleave"), "\"say \"\"hi\"\", then\nleave\"");
  EXPECT_EQ(CsvRow({"a", "b,c"}), "\"a\",\"b,c\"\r\n");
}

TEST(Csv, ACellThatAFormulaCouldStartWithIsText) {
  for (std::string formula :
       {"=1+1", "+31 6 1234", "-2+3", "-1-1", "-", "+24", "-1e3", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_EQ(CsvCell(formula), "\"'" + formula + "\"") << formula;
  }
  EXPECT_EQ(CsvCell("a=1"), "\"a=1\"");  // only the first character matters
  EXPECT_EQ(CsvCell("=\"x\""), "\"'=\"\"x\"\"\"");
}

// A difference column holds numbers: "-1" is a number to a spreadsheet, not text.
TEST(Csv, AWholeNumberStaysANumber) {
  for (std::string number : {"-1", "24", "0", "-0", "-1234567890"}) {
    EXPECT_EQ(CsvCell(number), "\"" + number + "\"") << number;
  }
}

}  // namespace
}  // namespace meldpunt::web
