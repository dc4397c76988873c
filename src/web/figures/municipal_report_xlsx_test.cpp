// The municipal report's workbook holds exactly the CSV's cells (numbers as numbers, "< 5" and
// "x" as text), and the archive holds one file per output and municipality with a README.
#include "web/figures/municipal_report_xlsx.hpp"

#include <gtest/gtest.h>

#include "domain/figures/figures_area.hpp"
#include "domain/figures/suppression.hpp"
#include "exports/xlsx_test_reader.hpp"
#include "exports/zip_test_reader.hpp"
#include "web/common/test_app.hpp"
#include "web/figures/municipal_archive.hpp"
#include "web/figures/municipal_report_view.hpp"

namespace meldpunt::web {
namespace {

using exports::testing::XlsxSheetCells;
using exports::testing::XlsxSheetNames;

std::vector<ReportFacts> Facts() {
  std::vector<ReportFacts> facts;
  auto add = [&](int n, int year, std::string incident, std::string residence,
                 std::vector<std::string> grounds) {
    for (int i = 0; i < n; ++i) {
      ReportFacts fact;
      fact.id = static_cast<long long>(facts.size()) + 1;
      fact.reported_year = year;
      fact.incident_year = year;
      fact.incident_municipality = incident;
      fact.residence_municipality = residence;
      fact.grounds = grounds;
      fact.domain = "labour";
      fact.nature = "threat";
      fact.handlings = {"registration_only"};
      facts.push_back(fact);
    }
  };
  add(7, 2026, "GM0363", "GM0363", {"religion", "religion.anti_muslim"});
  add(2, 2026, "GM0363", "GM0599", {"origin"});
  add(6, 2026, "GM0599", "GM0363", {"age"});
  add(12, 2025, "GM0363", "GM0363", {"origin", "age"});
  add(1, 2025, "GM0457", "unknown", {"sex"});
  return facts;
}

MunicipalReport Report(const AppContext& app, const std::string& code) {
  FiguresQuery query;
  query.municipality = code;
  query.year = 2026;
  auto report = ComputeMunicipalReport(Facts(), query, app.municipalities);
  SuppressReport(report, kDefaultSuppressionThreshold);
  return report;
}

// The CSV's lines after the header, without the municipality and table columns, quotes removed
// and the leading ' the CSV writer puts before "+3" taken off.
std::vector<std::vector<std::string>> CsvBody(std::string csv) {
  csv = csv.substr(3);  // byte order mark
  std::vector<std::vector<std::string>> lines;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find("\r\n", start);
    std::string line = csv.substr(start, end - start);
    start = end + 2;
    std::vector<std::string> cells;
    for (size_t i = 0; i < line.size();) {
      size_t close = line.find('"', i + 1);
      std::string cell = line.substr(i + 1, close - i - 1);
      if (cell.starts_with("'")) cell.erase(0, 1);
      cells.push_back(cell);
      i = close + 2;
    }
    lines.push_back({cells.begin() + 2, cells.end()});
  }
  lines.erase(lines.begin());
  return lines;
}

TEST(MunicipalReportXlsx, EveryCellEqualsTheCsv) {
  TestApp test;
  const auto& app = test.app();
  auto report = Report(app, "GM0363");
  std::string xlsx =
      MunicipalReportXlsx(app, Lang::kNl, report, kDefaultSuppressionThreshold, app.now());
  EXPECT_EQ(XlsxSheetNames(xlsx),
            (std::vector<std::string>{"Toelichting", "Voorvallen in de gemeente",
                                      "Meldingen van inwoners"}));
  // The data rows of both population sheets: a code in A and a figure in C.
  std::vector<std::vector<std::string>> rows;
  bool numbers_seen = false, below_seen = false, hidden_seen = false;
  for (size_t sheet = 1; sheet <= 2; ++sheet) {
    for (auto& [r, cells] : XlsxSheetCells(xlsx, sheet)) {
      if (!cells.contains(2) || cells[0].text == "Code") continue;
      std::vector<std::string> row;
      for (int c = 0; c < 5; ++c) row.push_back(cells.contains(c) ? cells[c].text : "");
      // Numbers are numbers; "< 5" and "x" are text.
      for (int c : {2, 3}) {
        bool digits =
            !row[c].empty() && row[c].find_first_not_of("0123456789") == std::string::npos;
        EXPECT_EQ(cells[c].number, digits) << row[0] << " " << row[c];
        numbers_seen |= digits;
        below_seen |= row[c] == "< 5";
        hidden_seen |= row[c] == "x";
      }
      // The change is a number, as the CSV's plain "3" or "-1".
      if (!row[4].empty()) EXPECT_TRUE(cells[4].number) << row[0];
      EXPECT_EQ(cells[0].bold, row[0] == "total");
      rows.push_back(row);
    }
  }
  EXPECT_TRUE(numbers_seen && below_seen && hidden_seen);
  EXPECT_EQ(rows,
            CsvBody(MunicipalReportCsv(app, Lang::kNl, report, kDefaultSuppressionThreshold)));
}

TEST(MunicipalReportXlsx, TheAboutSheetSaysWhatIsCounted) {
  TestApp test;
  const auto& app = test.app();
  auto report = Report(app, "GM0363");
  report.query.with_mass = false;
  report.query.by = FiguresYear::kIncident;
  std::string xlsx =
      MunicipalReportXlsx(app, Lang::kEn, report, kDefaultSuppressionThreshold, app.now());
  EXPECT_EQ(XlsxSheetNames(xlsx)[0], "About these figures");
  std::map<std::string, exports::testing::ReadCell> about;
  for (auto& [r, cells] : XlsxSheetCells(xlsx, 0))
    if (cells.contains(1)) about[cells[0].text] = cells[1];
  EXPECT_EQ(about["Municipality"].text, "Amsterdam (GM0363)");
  EXPECT_TRUE(about["Year"].number);
  EXPECT_EQ(about["Year"].text, "2026");
  EXPECT_EQ(about["Count by the year of"].text, "the incident");
  EXPECT_NE(about["Mass reports"].text.find("leave out"), std::string::npos);
  EXPECT_EQ(about["Threshold"].text, "5");
  EXPECT_NE(about["Small numbers"].text.find("\"< 5\""), std::string::npos);
  EXPECT_NE(about["Several grounds"].text.find("several grounds"), std::string::npos);
  // The public page that explains the counting, at the site's address (none in this test).
  EXPECT_EQ(about["How we count"].text, "/cijfers/uitleg");
}

TEST(MunicipalArchive, OneFilePerOutputAndMunicipalityAndAReadme) {
  TestApp test;
  const auto& app = test.app();
  FiguresQuery query;
  query.year = 2026;
  auto reports = ComputeAreaReports(Facts(), {"GM0363", "GM0599"}, query, app.municipalities);
  for (auto& report : reports) SuppressReport(report, kDefaultSuppressionThreshold);
  ArchiveContents contents{"ADV Amsterdam", query, kDefaultSuppressionThreshold, app.now()};
  auto outputs = MunicipalArchiveOutputs(app, Lang::kNl, kDefaultSuppressionThreshold, app.now());
  std::string zip = exports::WriteZip(
      MunicipalArchiveEntries(app, Lang::kNl, contents, reports, outputs), app.now());
  EXPECT_EQ(
      exports::testing::ZipNames(zip),
      (std::vector<std::string>{
          "README.txt", "cijfers-GM0363-amsterdam-2026.csv", "cijfers-GM0363-amsterdam-2026.xlsx",
          "cijfers-GM0363-amsterdam-2026.pdf", "cijfers-GM0599-rotterdam-2026.csv",
          "cijfers-GM0599-rotterdam-2026.xlsx", "cijfers-GM0599-rotterdam-2026.pdf"}));
  EXPECT_EQ(
      exports::testing::ZipEntryData(zip, "cijfers-GM0599-rotterdam-2026.csv"),
      MunicipalReportCsv(app, Lang::kNl, Report(app, "GM0599"), kDefaultSuppressionThreshold));
  auto readme = *exports::testing::ZipEntryData(zip, "README.txt");
  EXPECT_NE(readme.find("ADV Amsterdam"), std::string::npos);
  EXPECT_NE(readme.find("GM0363 Amsterdam: cijfers-GM0363-amsterdam-2026.csv, "
                        "cijfers-GM0363-amsterdam-2026.xlsx"),
            std::string::npos);
  EXPECT_EQ(MunicipalArchiveFileName(contents), "cijfers-adv-amsterdam-2026.zip");
}

}  // namespace
}  // namespace meldpunt::web
