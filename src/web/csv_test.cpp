#include "web/csv.hpp"

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
  for (std::string formula : {"=1+1", "+31 6 1234", "-2", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_EQ(CsvCell(formula), "\"'" + formula + "\"") << formula;
  }
  EXPECT_EQ(CsvCell("a=1"), "\"a=1\"");  // only the first character matters
  EXPECT_EQ(CsvCell("=\"x\""), "\"'=\"\"x\"\"\"");
}

}  // namespace
}  // namespace meldpunt::web
