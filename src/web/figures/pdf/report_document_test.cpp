#include "web/figures/pdf/report_document.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "letters/pdf_test_tools.hpp"

namespace meldpunt::figures_pdf {
namespace {

using letters::OnPath;
using letters::PdfPages;
using letters::RunOnPdf;

FigureCell Cell(long long current, long long previous, CellState current_state = CellState::kShown,
                CellState previous_state = CellState::kShown) {
  FigureCell cell;
  cell.current = current;
  cell.previous = previous;
  cell.current_state = current_state;
  cell.previous_state = previous_state;
  return cell;
}

FigureTable Table(const std::string& population, const std::string& dimension) {
  FigureTable table;
  table.population = population;
  table.dimension = dimension;
  return table;
}

MunicipalReport SmallReport() {
  MunicipalReport report;
  report.query.municipality = "GM0363";
  report.query.year = 2025;
  report.municipality_name = "Amsterdam";
  FigureTable summary = Table("incident", "summary");
  summary.rows = {
      {"residents", Cell(7, 4, CellState::kHidden, CellState::kBelowThreshold)},
      {"non_residents", Cell(2, 2, CellState::kBelowThreshold, CellState::kBelowThreshold)}};
  summary.total = Cell(9, 6);
  FigureTable grounds = Table("incident", "ground");
  grounds.rows = {{"religion", Cell(17, 12)}, {"origin", Cell(31, 40)}, {"age", Cell(25, 8)}};
  grounds.total = Cell(60, 55);
  grounds.multiple_per_report = true;
  FigureTable residents = Table("residents", "domain");
  residents.rows = {{"labour", Cell(13, 5)}, {"housing", Cell(22, 21)}};
  residents.total = Cell(35, 26);
  report.tables = {summary, grounds, residents};
  return report;
}

std::string Label(const std::string& code) {
  if (code == "residents") return "Reporter lives in the municipality";
  if (code == "non_residents") return "Reporter lives elsewhere or unknown";
  if (code == "religion") return "Religion";
  if (code == "origin") return "Origin";
  if (code == "age") return "Age";
  if (code == "labour") return "Labour market";
  if (code == "housing") return "Housing";
  return "Row " + code;
}

ReportPdfTexts Texts() {
  ReportPdfTexts texts;
  texts.language = "en";
  texts.title = "Municipal report Amsterdam (GM0363) 2025";
  texts.introduction = {"Counted by the year in which the report was made.",
                        "These figures include the reports linked to a mass-report event."};
  texts.suppression_note = "Numbers under 5 show as “< 5”.";
  texts.footer = texts.title;
  texts.page = "Page";
  texts.column_current = "2025";
  texts.column_previous = "2024";
  texts.column_change = "Change";
  texts.column_chart = "Chart 2025";
  texts.total = "Total (each report once)";
  texts.several_per_report = "A report counts once in the total.";
  texts.not_shown = "not shown";
  texts.population_title = [](const FigureTable& table) {
    return table.population == "incident" ? std::string("Reports about incidents")
                                          : std::string("Reports by residents");
  };
  texts.caption = [](const FigureTable& table) {
    return "Table " + table.population + " by " + table.dimension;
  };
  texts.row_label = [](const FigureTable&, const std::string& code) { return Label(code); };
  texts.cell = [](const FigureCell& cell, bool current) {
    CellState state = current ? cell.current_state : cell.previous_state;
    if (state == CellState::kBelowThreshold) return std::string("< 5");
    if (state == CellState::kHidden) return std::string("x");
    return std::to_string(current ? cell.current : cell.previous);
  };
  texts.change = [](const FigureCell& cell) {
    if (!cell.change_shown()) return std::string();
    return cell.change() > 0 ? "+" + std::to_string(cell.change()) : std::to_string(cell.change());
  };
  return texts;
}

std::string Layout(const std::string& pdf) {
  return RunOnPdf("pdftotext -enc UTF-8 -layout", "-", pdf);
}

// A row as pdftotext -layout prints it: the label and its numbers on one line.
bool HasRow(const std::string& text, const std::string& label,
            const std::vector<std::string>& cells) {
  std::string pattern = "(^|\\n) *" + label;
  for (const auto& cell : cells)
    pattern += " +" + std::regex_replace(cell, std::regex("[+<]"), "\\$&");
  pattern += "( |\\n)";
  return std::regex_search(text, std::regex(pattern));
}

class MunicipalReportPdfTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!OnPath("pdftotext") || !OnPath("pdfinfo")) GTEST_SKIP() << "poppler-utils not installed";
  }
};

TEST_F(MunicipalReportPdfTest, ShowsTitleTablesAndSuppressedCellsAsText) {
  auto pdf = MunicipalReportPdf(SmallReport(), Texts());
  ASSERT_TRUE(pdf) << pdf.error();
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  std::string text = Layout(*pdf);
  EXPECT_NE(text.find("Municipal report Amsterdam (GM0363) 2025"), std::string::npos) << text;
  EXPECT_NE(text.find("Counted by the year in which the report was made."), std::string::npos);
  EXPECT_NE(text.find("Numbers under 5 show as “< 5”."), std::string::npos);
  EXPECT_TRUE(HasRow(text, "Reporter lives in the municipality", {"x", "< 5"})) << text;
  EXPECT_TRUE(HasRow(text, "Reporter lives elsewhere or unknown", {"< 5", "< 5"})) << text;
  EXPECT_TRUE(HasRow(text, "Total \\(each report once\\)", {"9", "6", "+3"})) << text;
  EXPECT_TRUE(HasRow(text, "Origin", {"31", "40", "-9"})) << text;
  EXPECT_TRUE(HasRow(text, "Age", {"25", "8", "+17"})) << text;
  EXPECT_TRUE(HasRow(text, "Housing", {"22", "21", "+1"})) << text;
  // Both summary cells that are not shown this year say so beside their bar.
  EXPECT_EQ(std::regex_search(text, std::regex("Reporter lives in the municipality.*not shown")),
            true);
  // The note only under the table where a report can count several times.
  size_t note = text.find("A report counts once in the total.");
  ASSERT_NE(note, std::string::npos);
  EXPECT_EQ(text.find("A report counts once in the total.", note + 1), std::string::npos);
  EXPECT_GT(note, text.find("Table incident by ground"));
  EXPECT_LT(note, text.find("Table residents by domain"));
  // In reading order: title, population heading, its tables, the next population.
  EXPECT_LT(text.find("Municipal report"), text.find("Reports about incidents"));
  EXPECT_LT(text.find("Reports about incidents"), text.find("Table incident by summary"));
  EXPECT_LT(text.find("Table incident by ground"), text.find("Reports by residents"));
  EXPECT_EQ(PdfPages(*pdf), 1);
}

TEST_F(MunicipalReportPdfTest, ASubGroundIsIndentedUnderItsGroundAndTheNoteSaysSo) {
  MunicipalReport report = SmallReport();
  FigureTable& grounds = report.tables[1];
  grounds.rows.insert(grounds.rows.begin() + 1, {"religion.antisemitism", Cell(9, 3)});
  ReportPdfTexts texts = Texts();
  texts.sub_grounds = "A ground includes its sub-grounds.";
  texts.row_label = [](const FigureTable&, const std::string& code) {
    return code == "religion.antisemitism" ? std::string("of which antisemitism") : Label(code);
  };
  texts.row_is_part = [](const FigureTable& table, const std::string& code) {
    return table.dimension == "ground" && code.find('.') != std::string::npos;
  };
  auto pdf = MunicipalReportPdf(report, texts);
  ASSERT_TRUE(pdf) << pdf.error();
  std::string text = Layout(*pdf);
  EXPECT_TRUE(HasRow(text, "of which antisemitism", {"9", "3", "+6"})) << text;
  auto column = [&](const std::string& label) {
    size_t at = text.find(label);
    size_t line = text.rfind('\n', at);
    return at - (line == std::string::npos ? 0 : line + 1);
  };
  EXPECT_GT(column("of which antisemitism"), column("Religion")) << text;
  // The sentence follows the note under the ground table only.
  size_t note = text.find("A ground includes its sub-grounds.");
  ASSERT_NE(note, std::string::npos) << text;
  EXPECT_EQ(text.find("A ground includes its sub-grounds.", note + 1), std::string::npos);
  EXPECT_GT(note, text.find("Table incident by ground"));
  EXPECT_LT(note, text.find("Table residents by domain"));
}

TEST_F(MunicipalReportPdfTest, SetsTitleLanguageAndTags) {
  ReportPdfTexts texts = Texts();
  texts.language = "nl";
  auto pdf = MunicipalReportPdf(SmallReport(), texts);
  ASSERT_TRUE(pdf) << pdf.error();
  std::string info = RunOnPdf("pdfinfo", "", *pdf);
  EXPECT_TRUE(
      std::regex_search(info, std::regex("Title: +Municipal report Amsterdam \\(GM0363\\) 2025")))
      << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Tagged: +yes"))) << info;
  EXPECT_NE(pdf->find("/Lang (nl)"), std::string::npos);
  EXPECT_NE(pdf->find("/StructTreeRoot"), std::string::npos);
  // The cross-reference table still points at every object after /Lang went in.
  size_t xref = pdf->rfind("\nxref\n");
  ASSERT_NE(xref, std::string::npos);
  size_t entries = pdf->find('\n', xref + 6) + 1;
  size_t end = pdf->find("trailer", entries);
  int checked = 0;
  for (size_t at = entries + 20; at + 20 <= end; at += 20) {  // entry 0 is the free list's head
    size_t offset = std::stoull(pdf->substr(at, 10));
    int object = static_cast<int>((at - entries) / 20);
    EXPECT_EQ(
        pdf->compare(offset, std::to_string(object).size() + 6, std::to_string(object) + " 0 obj"),
        0)
        << "object " << object;
    ++checked;
  }
  EXPECT_GT(checked, 5);
  size_t start = pdf->rfind("startxref\n");
  EXPECT_EQ(std::stoull(pdf->substr(start + 10)), xref + 1);
}

TEST_F(MunicipalReportPdfTest, LongTableFlowsOverPagesWithoutCuttingRows) {
  MunicipalReport report = SmallReport();
  FigureTable long_table = Table("residents", "ground");
  for (int i = 0; i < 150; ++i) {
    long_table.rows.push_back({"code" + std::to_string(i), Cell(100 + i, i)});
  }
  long_table.total = Cell(99999, 11175);
  report.tables.push_back(long_table);
  auto pdf = MunicipalReportPdf(report, Texts());
  ASSERT_TRUE(pdf) << pdf.error();
  int pages = PdfPages(*pdf);
  EXPECT_GE(pages, 4);
  EXPECT_LE(pages, 8);
  std::string text = Layout(*pdf);
  for (int i = 0; i < 150; ++i) {
    EXPECT_TRUE(HasRow(text, "Row code" + std::to_string(i),
                       {std::to_string(100 + i), std::to_string(i), "+100"}))
        << "row " << i;
  }
  // Every page after the first starts the table again under its header.
  std::vector<std::string> page_texts;
  for (size_t from = 0, at; (at = text.find('\f', from)) != std::string::npos; from = at + 1)
    page_texts.push_back(text.substr(from, at - from));
  ASSERT_EQ(static_cast<int>(page_texts.size()), pages);
  for (int p = 1; p < pages; ++p) {
    EXPECT_NE(page_texts[p].find("2024"), std::string::npos) << "page " << p + 1;
    EXPECT_NE(page_texts[p].find("Page " + std::to_string(p + 1)), std::string::npos);
  }
}

TEST_F(MunicipalReportPdfTest, RefusesWhatWouldNeedTooManyPages) {
  MunicipalReport report = SmallReport();
  FigureTable huge = Table("residents", "ground");
  for (int i = 0; i < 5000; ++i)
    huge.rows.push_back({std::string("c").append(std::to_string(i)), Cell(i, i)});
  report.tables.push_back(huge);
  auto pdf = MunicipalReportPdf(report, Texts());
  ASSERT_FALSE(pdf);
  EXPECT_NE(pdf.error().find("pages"), std::string::npos);
}

}  // namespace
}  // namespace meldpunt::figures_pdf
