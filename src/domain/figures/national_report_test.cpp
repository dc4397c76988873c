#include "domain/figures/national_report.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "domain/test_registry.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

ReportFacts Fact(long long bureau, int year, std::string incident, std::string residence,
                 std::vector<std::string> grounds = {"origin"}, std::string domain = "housing") {
  static long long next_id = 1;
  ReportFacts fact;
  fact.id = next_id++;
  fact.bureau_id = bureau;
  fact.reported_year = year;
  fact.incident_municipality = std::move(incident);
  fact.residence_municipality = std::move(residence);
  fact.grounds = std::move(grounds);
  fact.domain = std::move(domain);
  fact.nature = "threat";
  return fact;
}

const NationalCount& Count(const BureauFigures& bureau, std::string_view table,
                           std::string_view code) {
  for (const auto& row : bureau.rows) {
    if (row.table == table && row.code == code) return row.count;
  }
  throw std::runtime_error("no row " + std::string(table) + " " + std::string(code));
}

const std::vector<NationalBureau> kBureaus = {{1, "ADV Amsterdam", {"GM0363"}},
                                              {2, "Discriminatie.nl Rotterdam", {"GM0599"}}};

// Two bureaus, with `small` reports of one domain in Amsterdam and many elsewhere.
std::vector<ReportFacts> TwoBureaus(int small) {
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 40; ++i) facts.push_back(Fact(1, 2025, "GM0363", "GM0363"));
  for (int i = 0; i < small; ++i)
    facts.push_back(Fact(1, 2025, "GM0363", "GM0363", {"age"}, "education"));
  for (int i = 0; i < 60; ++i) facts.push_back(Fact(2, 2025, "GM0599", "GM0599"));
  for (int i = 0; i < 30; ++i)
    facts.push_back(Fact(2, 2025, "GM0599", "GM0599", {"age"}, "education"));
  return facts;
}

TEST(NationalReport, BureauIdentifierIsStableAndPlain) {
  EXPECT_EQ(BureauIdentifier("ADV Noord-Holland"), "adv-noord-holland");
  EXPECT_EQ(BureauIdentifier("  Discriminatie.nl  Rotterdam "), "discriminatie-nl-rotterdam");
  EXPECT_EQ(BureauIdentifier("Bureau Fryslân"), "bureau-frysl-n");
  EXPECT_EQ(BureauIdentifier("***"), "bureau");
}

TEST(NationalReport, CountsEachBureausOwnReports) {
  auto facts = TwoBureaus(7);
  facts.push_back(Fact(1, 2024, "GM0363", "GM0363"));  // another year
  auto online = Fact(1, 2025, "online", "GM0599");     // online, by a Rotterdam resident
  online.complaint = true;
  online.handlings = {"information_advice"};
  facts.push_back(online);
  auto bureaus = CountBureaus(facts, 2025, kBureaus, Registry());
  ASSERT_EQ(bureaus.size(), 2u);
  const auto& a = bureaus[0];
  EXPECT_EQ(a.id, "adv-amsterdam");
  EXPECT_EQ(Count(a, "total", "reports").value, 48);
  EXPECT_EQ(Count(a, "kind", "klacht").value, 1);
  EXPECT_EQ(Count(a, "kind", "melding").value, 47);
  EXPECT_EQ(Count(a, "ground", "age").value, 7);
  EXPECT_EQ(Count(a, "ground", "religion").value, 0);  // every code of the list has a row
  EXPECT_EQ(Count(a, "domain", "education").value, 7);
  EXPECT_EQ(Count(a, "handling", "open").value, 47);
  EXPECT_EQ(Count(a, "handling", "information_advice").value, 1);
  EXPECT_EQ(Count(a, "incident_municipality", "GM0363").value, 47);
  EXPECT_EQ(Count(a, "incident_municipality", "other").value, 1);
  EXPECT_EQ(Count(a, "residence_municipality", "GM0363").value, 47);
  // A Rotterdam resident's report held by Amsterdam's bureau has Rotterdam's row in its file
  // (format 2): "other" keeps only what is no municipality.
  EXPECT_EQ(Count(a, "residence_municipality", "GM0599").value, 1);
  EXPECT_EQ(Count(a, "residence_municipality", "other").value, 0);
  EXPECT_THROW(Count(a, "incident_municipality", "GM0599"), std::runtime_error);
  EXPECT_EQ(Count(bureaus[1], "total", "reports").value, 90);
}

TEST(NationalReport, TheCatchAllBureauGetsARowPerMunicipality) {
  // A bureau without a listed area (it takes what no other bureau's area holds) still gets a row
  // per municipality where it holds reports; merged codes count for today's municipality.
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 6; ++i) facts.push_back(Fact(3, 2025, "GM0014", "GM0014"));
  facts.push_back(Fact(3, 2025, "GM0457", "unknown"));  // Weesp, merged into Amsterdam
  facts.push_back(Fact(3, 2025, "none", "GM0014"));
  auto bureaus = CountBureaus(facts, 2025, {{3, "Catch all", {}}}, Registry());
  ASSERT_EQ(bureaus.size(), 1u);
  EXPECT_EQ(Count(bureaus[0], "incident_municipality", "GM0014").value, 6);
  EXPECT_EQ(Count(bureaus[0], "incident_municipality", "GM0363").value, 1);
  EXPECT_EQ(Count(bureaus[0], "incident_municipality", "other").value, 1);
  EXPECT_EQ(Count(bureaus[0], "residence_municipality", "GM0014").value, 7);
  EXPECT_EQ(Count(bureaus[0], "residence_municipality", "other").value, 1);
  EXPECT_THROW(Count(bureaus[0], "incident_municipality", "GM0457"), std::runtime_error);
}

TEST(NationalReport, RollUpOfAMunicipalityAddsUpEveryBureau) {
  // Amsterdam's residents reported 20 incidents in Amsterdam (bureau 1) and 12 in Rotterdam
  // (bureau 2): the roll-up says 32, as Amsterdam's municipal report does.
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 20; ++i) facts.push_back(Fact(1, 2025, "GM0363", "GM0363"));
  for (int i = 0; i < 12; ++i) facts.push_back(Fact(2, 2025, "GM0599", "GM0363"));
  for (int i = 0; i < 30; ++i) facts.push_back(Fact(2, 2025, "GM0599", "GM0599"));
  auto file = ComposeNationalFile(2025, CountBureaus(facts, 2025, kBureaus, Registry()), {}, {}, 5,
                                  PublishedMunicipalTotals(facts, 2025, Registry()));
  EXPECT_EQ(Count(file.national, "residence_municipality", "GM0363").value, 32);
  MunicipalReport report =
      ComputeMunicipalReport(facts, {"GM0363", 2025, FiguresYear::kReported, true}, Registry());
  for (const auto& table : report.tables) {
    if (table.population == kPopulationResidents && table.dimension == "summary") {
      EXPECT_EQ(table.total.current, 32) << "the municipal report's residents";
    }
  }
}

TEST(NationalReport, MunicipalityRowsKeepTheStateOfTheMunicipalReport) {
  // 7 reports about Amsterdam, 3 by residents and 4 by others: the municipal report hides the
  // total (both parts are "< 5"). The national roll-up hides it too.
  std::vector<ReportFacts> facts;
  for (int i = 0; i < 3; ++i) facts.push_back(Fact(1, 2025, "GM0363", "GM0363"));
  for (int i = 0; i < 4; ++i) facts.push_back(Fact(1, 2025, "GM0363", "GM0599"));
  for (int i = 0; i < 5; ++i) facts.push_back(Fact(1, 2025, "none", "GM0014"));
  for (int i = 0; i < 60; ++i) facts.push_back(Fact(2, 2025, "GM0599", "GM0599"));
  MunicipalReport report =
      ComputeMunicipalReport(facts, {"GM0363", 2025, FiguresYear::kReported, true}, Registry());
  SuppressReport(report, 5);
  ASSERT_EQ(report.tables.front().total.current_state, CellState::kHidden);
  auto exact = CountBureaus(facts, 2025, kBureaus, Registry());
  auto file = ComposeNationalFile(2025, exact, {}, {}, 5,
                                  PublishedMunicipalTotals(facts, 2025, Registry()));
  EXPECT_EQ(Count(file.national, "incident_municipality", "GM0363").shown, CountShown::kHidden);
  // Bureau 1 holds all of them: its own row is that number, so it is not shown either.
  EXPECT_NE(Count(file.bureaus[0], "incident_municipality", "GM0363").shown, CountShown::kExact);
  // Rotterdam's 60 keeps its shown state; another cell of the line is hidden instead.
  EXPECT_EQ(Count(file.national, "incident_municipality", "GM0599").shown, CountShown::kExact);
  EXPECT_EQ(Count(file.national, "incident_municipality", "other").shown, CountShown::kHidden);
}

TEST(NationalReport, AParentGroundCountsEveryReportWithOneOfItsSubGroundsOnce) {
  std::vector<ReportFacts> facts = {
      Fact(1, 2025, "GM0363", "GM0363", {"religion.antisemitism"}),
      Fact(1, 2025, "GM0363", "GM0363", {"origin", "origin.anti_black"}),
      Fact(1, 2025, "GM0363", "GM0363", {"origin"}),
  };
  auto bureaus = CountBureaus(facts, 2025, kBureaus, Registry());
  const auto& a = bureaus[0];
  EXPECT_EQ(Count(a, "ground", "religion").value, 1) << "a sub-ground counts under its parent";
  EXPECT_EQ(Count(a, "ground", "religion.antisemitism").value, 1);
  EXPECT_EQ(Count(a, "ground", "origin").value, 2) << "each report once";
  EXPECT_EQ(Count(a, "ground", "origin.anti_black").value, 1);
  // The file's rows: a sub-ground right after its parent's family, as in kGrounds.
  std::vector<std::string> codes;
  for (const auto& row : a.rows) {
    if (row.table == "ground") codes.push_back(row.code);
  }
  ASSERT_GE(codes.size(), 2u);
  EXPECT_EQ(codes[0], "origin");
  EXPECT_EQ(codes[1], "origin.anti_black");
}

TEST(NationalReport, RollUpOfLocalBureausIsTheExactSum) {
  auto exact = CountBureaus(TwoBureaus(10), 2025, kBureaus, Registry());
  auto file = ComposeNationalFile(2025, exact, {});
  EXPECT_EQ(Count(file.national, "total", "reports").value, 140);
  int shown = 0;
  for (const auto& row : file.national.rows) {
    long long sum = 0;
    for (const auto& bureau : exact) {
      for (const auto& cell : bureau.rows) {
        if (cell.table == row.table && cell.code == row.code) sum += cell.count.value;
      }
    }
    if (row.count.shown == CountShown::kExact) {
      EXPECT_EQ(row.count.value, sum) << row.table << " " << row.code;
      shown++;
    }
    if (sum < 5) EXPECT_EQ(row.count.shown, CountShown::kBelowThreshold) << row.code;
  }
  EXPECT_GE(shown, 3);
  EXPECT_EQ(Count(file.national, "ground", "origin").value, 100);
  EXPECT_EQ(Count(file.national, "ground", "religion").shown, CountShown::kBelowThreshold);
}

// In every line whose total is a number: no suppressed cell alone, and "< 5" cells never without
// a hidden one (the rule of domain/figures/suppression.hpp), over bureau tables and roll-up
// columns.
void ExpectNothingToWorkOut(const NationalFile& file) {
  std::vector<const BureauFigures*> all;
  for (const auto& bureau : file.bureaus) all.push_back(&bureau);
  all.push_back(&file.national);
  auto check = [](const NationalCount& total, const std::vector<NationalCount>& cells,
                  const std::string& what) {
    if (total.shown != CountShown::kExact) return;
    int below = 0, hidden = 0, shown = 0;
    for (const auto& cell : cells) {
      below += cell.shown == CountShown::kBelowThreshold;
      hidden += cell.shown == CountShown::kHidden || cell.shown == CountShown::kAtLeast;
      shown += cell.shown == CountShown::kExact;
    }
    // Only "< 5" cells under a total so small that it says nothing more than they do.
    if (shown == 0 && hidden == 0 && total.value <= 4 * (below - 1)) return;
    EXPECT_NE(below + hidden, 1) << what;
    if (below > 0) EXPECT_GT(hidden, 0) << what;
  };
  for (const auto* bureau : all) {
    std::map<std::string, std::vector<NationalCount>> tables;
    for (const auto& row : bureau->rows) {
      if (row.table != "total") tables[row.table].push_back(row.count);
    }
    for (const auto& [table, cells] : tables)
      check(Count(*bureau, "total", "reports"), cells, bureau->id + " " + table);
  }
  for (const auto& row : file.national.rows) {
    std::vector<NationalCount> cells;
    for (const auto& bureau : file.bureaus) {
      for (const auto& other : bureau.rows) {
        if (other.table == row.table && other.code == row.code) cells.push_back(other.count);
      }
    }
    check(row.count, cells, "roll-up " + row.table + " " + row.code);
  }
}

TEST(NationalReport, RollUpMinusTheOtherBureausGivesNoSmallNumberAway) {
  auto file =
      ComposeNationalFile(2025, CountBureaus(TwoBureaus(3), 2025, kBureaus, Registry()), {});
  const auto& a = file.bureaus[0];
  EXPECT_EQ(Count(a, "ground", "age").shown, CountShown::kBelowThreshold);
  // Rotterdam's 30 and the national 33 would give Amsterdam's 3 away: one of them is hidden.
  bool national = Count(file.national, "ground", "age").shown == CountShown::kExact;
  bool rotterdam = Count(file.bureaus[1], "ground", "age").shown == CountShown::kExact;
  EXPECT_FALSE(national && rotterdam);
  ExpectNothingToWorkOut(file);
}

TEST(NationalReport, RandomBureausLeaveNothingToWorkOut) {
  unsigned seed = 7;
  auto next = [&seed](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  const char* grounds[] = {"origin", "age", "religion", "handicap"};
  const char* places[] = {"GM0363", "GM0599", "GM0518", "online"};
  for (int round = 0; round < 30; ++round) {
    std::vector<ReportFacts> facts;
    int count = 5 + static_cast<int>(next(60));
    for (int i = 0; i < count; ++i) {
      facts.push_back(Fact(1 + next(3), 2025, places[next(4)], places[next(4)], {grounds[next(4)]},
                           next(2) ? "housing" : "education"));
    }
    std::vector<NationalBureau> bureaus = {
        {1, "A", {"GM0363"}}, {2, "B", {"GM0599"}}, {3, "C", {"GM0518"}}};
    ExpectNothingToWorkOut(
        ComposeNationalFile(2025, CountBureaus(facts, 2025, bureaus, Registry()), {}));
  }
}

TEST(NationalReport, ImportedSmallNumbersMakeTheRollUpALowerBound) {
  auto local = CountBureaus(TwoBureaus(10), 2025, {kBureaus[0]}, Registry());
  BureauFigures other;
  other.id = "adv-elders";
  other.name = "ADV Elders";
  other.rows = {{"total", "reports", {CountShown::kExact, 25}},
                {"ground", "age", {CountShown::kBelowThreshold, 0}},
                {"ground", "origin", {CountShown::kHidden, 0}},
                {"domain", "housing", {CountShown::kExact, 25}}};
  auto file = ComposeNationalFile(2025, local, {other});
  ASSERT_EQ(file.bureaus.size(), 2u);
  EXPECT_TRUE(file.bureaus[1].imported);
  EXPECT_EQ(Count(file.national, "total", "reports").value, 75);
  // The roll-up of a cell with an imported "< 5": a lower bound of what the bureaus' rows show,
  // or hidden when they show nothing there.
  const auto& age = Count(file.national, "ground", "age");
  const auto& local_age = Count(file.bureaus[0], "ground", "age");
  if (local_age.shown == CountShown::kExact) {
    EXPECT_EQ(age.shown, CountShown::kAtLeast);
    EXPECT_EQ(age.value, local_age.value);
    EXPECT_EQ(CountText(age), ">= " + std::to_string(age.value));
  } else {
    EXPECT_EQ(age.shown, CountShown::kHidden);
  }
  const auto& housing = Count(file.national, "domain", "housing");  // both known: 40 + 25
  EXPECT_TRUE(housing.shown == CountShown::kHidden ||
              (housing.shown == CountShown::kExact && housing.value == 65));
  EXPECT_EQ(Count(file.bureaus[1], "ground", "age").shown, CountShown::kBelowThreshold);
  EXPECT_EQ(Count(file.bureaus[1], "ground", "origin").shown, CountShown::kHidden);
  ExpectNothingToWorkOut(file);
}

TEST(NationalReport, ImportedBureauWithALocalIdentifierIsLeftOut) {
  auto local = CountBureaus(TwoBureaus(10), 2025, kBureaus, Registry());
  BureauFigures same = local[0];
  auto file = ComposeNationalFile(2025, local, {same});
  EXPECT_EQ(file.bureaus.size(), 2u);
}

TEST(NationalReport, CsvRoundTrip) {
  auto file =
      ComposeNationalFile(2025, CountBureaus(TwoBureaus(3), 2025, kBureaus, Registry()), {});
  std::string csv = NationalCsv(file);
  EXPECT_TRUE(csv.starts_with(std::string(kNationalHeader) + "\r\n"));
  EXPECT_NE(csv.find("meldpunt-landelijk-2,adv-amsterdam,ADV Amsterdam,2025,total,reports,43\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",landelijk,Landelijk totaal,2025,total,reports,"), std::string::npos);
  auto parsed = ParseNationalCsv(csv);
  ASSERT_TRUE(std::holds_alternative<ParsedNationalFile>(parsed));
  const auto& back = std::get<ParsedNationalFile>(parsed);
  EXPECT_EQ(back.year, 2025);
  ASSERT_EQ(back.bureaus.size(), 2u);  // the roll-up is not imported
  for (size_t b = 0; b < 2; ++b) {
    ASSERT_EQ(back.bureaus[b].rows.size(), file.bureaus[b].rows.size());
    for (size_t r = 0; r < back.bureaus[b].rows.size(); ++r) {
      EXPECT_EQ(CountText(back.bureaus[b].rows[r].count), CountText(file.bureaus[b].rows[r].count));
    }
  }
  // Imported elsewhere, the file and its roll-up are the same.
  auto bureaus = back.bureaus;
  for (auto& bureau : bureaus) bureau.file_key = "f1";
  auto again = ComposeNationalFile(
      2025, {}, bureaus, {{"f1", {"adv-amsterdam", "discriminatie-nl-rotterdam"}, back.roll_up}});
  EXPECT_EQ(NationalCsv(again), csv);
  // Without that file's roll-up, the sums of suppressed cells are lower bounds.
  auto summed = ComposeNationalFile(2025, {}, back.bureaus);
  EXPECT_EQ(Count(summed.national, "total", "reports").value, 133);
  EXPECT_NE(Count(summed.national, "ground", "age").shown, CountShown::kExact);
}

TEST(NationalReport, NamesWithCommasAndFormulasAreQuoted) {
  NationalFile file;
  file.year = 2025;
  BureauFigures bureau;
  bureau.id = "a-b";
  bureau.name = "=A, \"B\"";
  bureau.rows = {{"total", "reports", {CountShown::kExact, 9}}};
  file.bureaus.push_back(bureau);
  std::string csv = NationalCsv(file);
  EXPECT_NE(csv.find(",\"'=A, \"\"B\"\"\",2025,"), std::string::npos);
  auto parsed = ParseNationalCsv(csv);
  ASSERT_TRUE(std::holds_alternative<ParsedNationalFile>(parsed));
  EXPECT_EQ(std::get<ParsedNationalFile>(parsed).bureaus[0].name, "'=A, \"B\"");
}

NationalFileError ErrorOf(const std::string& text) {
  auto parsed = ParseNationalCsv(text);
  if (!std::holds_alternative<NationalFileError>(parsed)) {
    ADD_FAILURE() << "accepted: " << text;
    return {};
  }
  return std::get<NationalFileError>(parsed);
}

TEST(NationalReport, BadFilesAreRefusedWithTheLine) {
  using P = NationalFileProblem;
  std::string header = std::string(kNationalHeader) + "\n";
  std::string total = "meldpunt-landelijk-1,a,A,2025,total,reports,12\n";
  auto expect = [&](const std::string& text, P problem, size_t line) {
    auto error = ErrorOf(text);
    EXPECT_EQ(error.problem, problem) << text;
    EXPECT_EQ(error.line, line) << text;
  };
  expect("", P::kEmpty, 0);
  expect("a,b,c\n" + total, P::kBadHeader, 1);
  expect(header, P::kNoBureaus, 0);
  expect(header + "meldpunt-landelijk-3,a,A,2025,total,reports,12\n", P::kWrongVersion, 2);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,total,reports\n", P::kBadRow, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,\"age,1\n", P::kBadRow, 3);
  expect(header + "meldpunt-landelijk-1,A B,A,2025,total,reports,12\n", P::kBadBureau, 2);
  expect(header + total + "meldpunt-landelijk-1,a,Other name,2025,ground,age,3\n", P::kBadBureau,
         3);
  expect(header + "meldpunt-landelijk-1,a,A,25,total,reports,12\n", P::kBadYear, 2);
  expect(header + total + "meldpunt-landelijk-1,b,B,2024,total,reports,12\n", P::kMixedYears, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,wishes,x,12\n", P::kUnknownTable, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,a b,12\n", P::kBadCode, 3);
  // Found by fuzzing: ids and codes starting with '-' were accepted, but a file written with them
  // (as "'-a", against CSV injection) could not be imported again.
  expect(header + "meldpunt-landelijk-1,-a,A,2025,total,reports,12\n", P::kBadBureau, 2);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,-age,1\n", P::kBadCode, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,age,-1\n", P::kBadCount, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,age,< 4\n", P::kBadCount, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,age,>= 4\n", P::kBadCount, 3);
  expect(header + total + "meldpunt-landelijk-1,a,A,2025,ground,age,1.5\n", P::kBadCount, 3);
  expect(header + total + total, P::kDuplicateRow, 3);
  expect(header + "meldpunt-landelijk-1,a,A,2025,ground,age,3\n", P::kMissingTotal, 0);
  expect(header + "meldpunt-landelijk-1,a,A\xff,2025,total,reports,12\n", P::kNotUtf8, 0);
  expect(header + std::string(kMaxNationalFileBytes, 'x'), P::kTooLarge, 0);
  std::string many = header;
  for (size_t i = 0; i <= kMaxNationalRowsPerBureau; ++i)
    many += "meldpunt-landelijk-1,a,A,2025,ground,g" + std::to_string(i) + ",1\n";
  EXPECT_EQ(ErrorOf(many).problem, P::kTooManyRows);
}

TEST(NationalReport, FilesOfVersionOneStillImportButVersionsDoNotMix) {
  std::string header = std::string(kNationalHeader) + "\n";
  auto parsed = ParseNationalCsv(header + "meldpunt-landelijk-1,a,A,2025,total,reports,12\n");
  ASSERT_TRUE(std::holds_alternative<ParsedNationalFile>(parsed));
  EXPECT_EQ(std::get<ParsedNationalFile>(parsed).format, 1);
  parsed = ParseNationalCsv(header + "meldpunt-landelijk-2,a,A,2025,total,reports,12\n");
  ASSERT_TRUE(std::holds_alternative<ParsedNationalFile>(parsed));
  EXPECT_EQ(std::get<ParsedNationalFile>(parsed).format, 2);
  parsed = ParseNationalCsv(header + "meldpunt-landelijk-2,a,A,2025,total,reports,12\n" +
                            "meldpunt-landelijk-1,a,A,2025,ground,age,7\n");
  ASSERT_TRUE(std::holds_alternative<NationalFileError>(parsed));
  EXPECT_EQ(std::get<NationalFileError>(parsed).problem, NationalFileProblem::kWrongVersion);
  EXPECT_EQ(std::get<NationalFileError>(parsed).line, 3u);
  parsed = ParseNationalCsv(header + "meldpunt-landelijk-3,a,A,2025,total,reports,12\n");
  ASSERT_TRUE(std::holds_alternative<NationalFileError>(parsed));
}

TEST(NationalReport, AcceptsBomCrlfAndRollUpLowerBounds) {
  std::string text = "\xEF\xBB\xBF" + std::string(kNationalHeader) +
                     "\r\nmeldpunt-landelijk-1,a,A,2025,total,reports,12\r\n"
                     "meldpunt-landelijk-1,a,A,2025,ground,age,< 5\r\n"
                     "meldpunt-landelijk-1,a,A,2025,ground,origin,x\r\n"
                     "meldpunt-landelijk-1,landelijk,Landelijk totaal,2025,ground,age,>= 3\r\n";
  auto parsed = ParseNationalCsv(text);
  ASSERT_TRUE(std::holds_alternative<ParsedNationalFile>(parsed));
  const auto& file = std::get<ParsedNationalFile>(parsed);
  ASSERT_EQ(file.bureaus.size(), 1u);
  EXPECT_EQ(file.bureaus[0].rows[1].count.shown, CountShown::kBelowThreshold);
  EXPECT_EQ(file.bureaus[0].rows[2].count.shown, CountShown::kHidden);
}

}  // namespace
}  // namespace meldpunt
