#include "web/mass/mass_forms.hpp"

#include <gtest/gtest.h>

namespace meldpunt::web {
namespace {

TEST(MassForms, PathsNameTheEventAndTheAction) {
  auto page = ParseMassEventPath("/medewerkers/massameldingen/12");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->id, 12);
  EXPECT_EQ(page->action, "");
  EXPECT_EQ(ParseMassEventPath("/medewerkers/massameldingen/12/koppelen")->action, "koppelen");
  EXPECT_FALSE(ParseMassEventPath("/medewerkers/massameldingen/"));
  EXPECT_FALSE(ParseMassEventPath("/medewerkers/massameldingen/0"));
  EXPECT_FALSE(ParseMassEventPath("/medewerkers/massameldingen/x1"));
  EXPECT_FALSE(ParseMassEventPath("/medewerkers/massameldingen/12/"));
  EXPECT_FALSE(ParseMassEventPath("/medewerkers/massameldingen/12/a/b"));
  EXPECT_EQ(MassEventPathOf(7), "/medewerkers/massameldingen/7");
}

TEST(MassForms, TheFilterTakesBothDaysAndKnownCodes) {
  auto check = CheckMassFilter({"2026-03-03", "2026-03-04", "public_statement", "", ""}, 3);
  ASSERT_TRUE(check.filter);
  EXPECT_EQ(check.filter->bureau_id, 3);
  EXPECT_EQ(check.filter->reported_until - check.filter->reported_from, 2 * 86400);
  EXPECT_EQ(check.filter->nature, "public_statement");
  EXPECT_EQ(CheckMassFilter({"2026-03-03", "2026-03-03", "", "", ""}, 1).filter->reported_until -
                CheckMassFilter({"2026-03-03", "2026-03-03", "", "", ""}, 1).filter->reported_from,
            86400);
  EXPECT_EQ(CheckMassFilter({"2026-03-04", "2026-03-03", "", "", ""}, 1).problem, "dates");
  EXPECT_EQ(CheckMassFilter({"", "2026-03-03", "", "", ""}, 1).problem, "dates");
  EXPECT_EQ(CheckMassFilter({"2026-03-03", "2026-03-03", "", "x", ""}, 1).problem, "codes");
  EXPECT_EQ(CheckMassFilter({"2026-03-03", "2026-03-03", "", "", "religion.x"}, 1).problem,
            "codes");
}

TEST(MassForms, ReportIdsAreNumbersWithinTheLimit) {
  EXPECT_EQ(*ParseReportIds({"1", "42"}, 5), (std::vector<long long>{1, 42}));
  EXPECT_FALSE(ParseReportIds({"1", "-2"}, 5));
  EXPECT_FALSE(ParseReportIds({"1", "2", "3"}, 2));
}

TEST(MassForms, SeenCasesGoThereAndBack) {
  std::vector<SeenCase> cases = {{1, 0}, {42, 7}};
  std::string text = FormatSeenCases(cases);
  EXPECT_EQ(text, "1.0 42.7");
  auto back = ParseSeenCases(text, 10);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[1].id, 42);
  EXPECT_EQ((*back)[1].version, 7);
  EXPECT_TRUE(ParseSeenCases("", 10)->empty());
  EXPECT_FALSE(ParseSeenCases("1.0 42", 10));
  EXPECT_FALSE(ParseSeenCases("1.0 0.1", 10));
  EXPECT_FALSE(ParseSeenCases("1.0 2.0 3.0", 2));
}

}  // namespace
}  // namespace meldpunt::web
