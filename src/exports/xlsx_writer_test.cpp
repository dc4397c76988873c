#include "exports/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "exports/xlsx_test_reader.hpp"
#include "exports/zip_test_reader.hpp"

namespace meldpunt::exports {
namespace {

using testing::XlsxColumnWidths;
using testing::XlsxSheetCells;
using testing::XlsxSheetNames;

XlsxCell Text(std::string text, bool bold = false) { return XlsxCell{std::move(text), bold}; }
XlsxCell Number(long long n, bool bold = false) { return XlsxCell{n, bold}; }

TEST(XlsxWriter, WritesTextNumbersBoldAndWidthsThatReadBack) {
  XlsxSheet about{"Toelichting", {{Text("Gemeente", true), Text("Súdwest-Fryslân")}}, {20, 80}};
  XlsxSheet figures{"Cijfers",
                    {{Text("Code", true), Text("2026", true), Text("2025", true)},
                     {Text("origin"), Number(12), Text("< 5")},
                     {Text("age"), Text("x"), Number(-3)},
                     {Text("a & b <c> \"d\""), XlsxCell{}, Number(1'000'000'000'000)}},
                    {}};
  std::string xlsx = WriteXlsx({about, figures});
  ASSERT_GT(xlsx.size(), 4u);
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
  EXPECT_EQ(XlsxSheetNames(xlsx), (std::vector<std::string>{"Toelichting", "Cijfers"}));

  auto first = XlsxSheetCells(xlsx, 0);
  EXPECT_EQ(first[0][0].text, "Gemeente");
  EXPECT_TRUE(first[0][0].bold);
  EXPECT_EQ(first[0][1].text, "Súdwest-Fryslân");
  EXPECT_FALSE(first[0][1].bold);
  auto widths = XlsxColumnWidths(xlsx, 0);
  EXPECT_NEAR(widths[0], 20, 1);
  EXPECT_NEAR(widths[1], 80, 1);

  auto cells = XlsxSheetCells(xlsx, 1);
  EXPECT_TRUE(cells[0][1].bold);
  EXPECT_TRUE(cells[1][1].number);
  EXPECT_EQ(cells[1][1].text, "12");
  EXPECT_FALSE(cells[1][2].number) << "a suppressed cell stays text";
  EXPECT_EQ(cells[1][2].text, "< 5");
  EXPECT_EQ(cells[2][1].text, "x");
  EXPECT_TRUE(cells[2][2].number);
  EXPECT_EQ(cells[2][2].text, "-3");
  EXPECT_EQ(cells[3][0].text, "a & b <c> \"d\"");
  EXPECT_FALSE(cells[3].contains(1)) << "an empty cell is not written";
  EXPECT_EQ(cells[3][2].text, "1000000000000");
}

TEST(XlsxWriter, TextThatLooksLikeAFormulaStaysText) {
  std::string xlsx = WriteXlsx({{"S", {{Text("=1+1"), Text("+31 20"), Text("@SUM(A1)")}}, {}}});
  auto sheet = testing::ZipEntryData(xlsx, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->find("<f>"), std::string::npos) << "no formula is ever written";
  auto cells = XlsxSheetCells(xlsx, 0);
  EXPECT_EQ(cells[0][0].text, "=1+1");
  EXPECT_FALSE(cells[0][0].number);
}

TEST(XlsxWriter, CleansShortensAndDedupesSheetNames) {
  EXPECT_EQ(CleanSheetName("a[b]:c*d?e/f\\g"), "a-b--c-d-e-f-g");
  EXPECT_EQ(CleanSheetName("'quoted'"), "quoted");
  EXPECT_EQ(CleanSheetName(""), "Sheet");
  EXPECT_EQ(CleanSheetName("Meldingen over incidenten in de gemeente"),
            "Meldingen over incidenten in de");
  // 31 characters, not bytes: "é" is two bytes and is never cut in half.
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "é";
  std::string cleaned = CleanSheetName(accents);
  EXPECT_EQ(cleaned.size(), 62u);
  EXPECT_EQ(CleanSheetName("bad \xff byte"), "bad \xEF\xBF\xBD byte");

  std::string xlsx = WriteXlsx({{"Cijfers", {}, {}},
                                {"cijfers", {}, {}},
                                {"Cijfers", {}, {}},
                                {"Meldingen over incidenten in de gemeente", {}, {}},
                                {"Meldingen over incidenten in de gemeente!", {}, {}}});
  EXPECT_EQ(XlsxSheetNames(xlsx), (std::vector<std::string>{"Cijfers", "cijfers (2)", "Cijfers (3)",
                                                            "Meldingen over incidenten in de",
                                                            "Meldingen over incidenten i (2)"}));
}

TEST(XlsxWriter, InvalidUtf8AndControlCharactersBecomeReplacementCharacters) {
  std::string xlsx = WriteXlsx({{"S",
                                 {{Text("a\xC3(b\x01"
                                        "c")}},
                                 {}}});
  EXPECT_EQ(XlsxSheetCells(xlsx, 0)[0][0].text,
            "a\xEF\xBF\xBD(b\xEF\xBF\xBD"
            "c");
}

TEST(XlsxWriter, AWorkbookWithoutSheetsStillOpens) {
  std::string xlsx = WriteXlsx({});
  EXPECT_EQ(XlsxSheetNames(xlsx).size(), 1u);
}

TEST(XlsxWriter, LeavesNoTemporaryFileBehind) {
  auto count = [] {
    size_t n = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
      if (entry.path().filename().string().starts_with("meldpunt-xlsx-")) ++n;
    return n;
  };
  size_t before = count();
  WriteXlsx({{"S", {{Number(1)}}, {}}});
  EXPECT_EQ(count(), before);
}

TEST(XlsxWriter, RefusesMoreSheetsThanTheLimit) {
  std::vector<XlsxSheet> sheets(kMaxXlsxSheets + 1);
  EXPECT_THROW(WriteXlsx(sheets), std::length_error);
}

}  // namespace
}  // namespace meldpunt::exports
