#include "letters/fill.hpp"

#include <gtest/gtest.h>

#include "letters/letter.hpp"

namespace meldpunt::letters {
namespace {

std::map<std::string, std::string> AllValues() {
  return {{"reference", "2026-0042"},
          {"date", "3 maart 2026"},
          {"other_party_name", "Café De Brug B.V."},
          {"other_party_address", "Kerkstraat 1\n3511 AB Utrecht"},
          {"incident_date", "14 februari 2026"},
          {"summary", "Een bezoeker werd de toegang geweigerd."},
          {"reply_by", "17 maart 2026"},
          {"handler_name", "J. de Vries"},
          {"bureau_name", "Bureau Gelijke Behandeling"},
          {"bureau_address", "Postbus 1, 3500 AA Utrecht"},
          {"bureau_phone", "030 123 45 67"},
          {"bureau_email", "info@adv.nl"},
          {"bureau_contact", "U kunt ons bereiken op telefoonnummer 030 123 45 67."}};
}

TEST(FillLetter, FillsEveryPlaceholder) {
  std::string text;
  for (std::string_view name : kLetterPlaceholders) text += "[{{" + std::string(name) + "}}]\n";
  auto filled = FillLetter(text, AllValues());
  ASSERT_TRUE(filled) << filled.error();
  for (const auto& [name, value] : AllValues()) {
    EXPECT_NE(filled->find("[" + value + "]"), std::string::npos) << name;
  }
  EXPECT_EQ(filled->find("{{"), std::string::npos);
}

TEST(FillLetter, AllowsSpacesRepeatsAndSingleBraces) {
  auto filled = FillLetter("Kenmerk {{ reference }} en {{reference}}; {a} } { €", AllValues());
  ASSERT_TRUE(filled) << filled.error();
  EXPECT_EQ(*filled, "Kenmerk 2026-0042 en 2026-0042; {a} } { €");
}

TEST(FillLetter, InsertsValuesOnceAsText) {
  auto values = AllValues();
  values["summary"] = "{{reference}} <b>&amp;</b> }}";
  auto filled = FillLetter("{{summary}}", values);
  ASSERT_TRUE(filled) << filled.error();
  EXPECT_EQ(*filled, "{{reference}} <b>&amp;</b> }}");
}

TEST(FillLetter, UnknownPlaceholderIsAnError) {
  auto filled = FillLetter("Geachte heer,\n\nKenmerk {{refrence}} van {{naam}}.", AllValues());
  ASSERT_FALSE(filled);
  EXPECT_NE(filled.error().find("line 3: unknown placeholder {{refrence}}"), std::string::npos)
      << filled.error();
  EXPECT_NE(filled.error().find("{{naam}}"), std::string::npos) << filled.error();
}

TEST(FillLetter, MissingValueIsAnErrorNotAGap) {
  auto values = AllValues();
  values.erase("reply_by");
  auto filled = FillLetter("Graag uiterlijk {{reply_by}}.", values);
  ASSERT_FALSE(filled);
  EXPECT_NE(filled.error().find("no value for {{reply_by}}"), std::string::npos) << filled.error();
  // An empty value is a value.
  values["reply_by"] = "";
  EXPECT_EQ(*FillLetter("Graag uiterlijk {{reply_by}}.", values), "Graag uiterlijk .");
}

TEST(FillLetter, ValuesTheTemplateDoesNotUseAreIgnored) {
  EXPECT_EQ(*FillLetter("Geachte heer, mevrouw,", AllValues()), "Geachte heer, mevrouw,");
}

TEST(CheckLetterTemplate, FindsEveryMistakeWithItsLine) {
  auto problems = CheckLetterTemplate(
      "Kenmerk {{reference\n"     // 1: not closed on its line
      "{{ }} en {{Reference}}\n"  // 2: two bad names
      "{{{summary}}}\n"           // 3: Mustache's triple braces
      "klaar }}\n"                // 4: stray close
      "{{bureau_name}} {{date\n"  // 5: fine, then not closed
      "{{handler_name}}");        // 6: fine
  using Kind = TemplateProblem::Kind;
  std::vector<std::pair<Kind, int>> found;
  for (const auto& problem : problems) found.emplace_back(problem.kind, problem.line);
  std::vector<std::pair<Kind, int>> expected = {{Kind::kUnclosed, 1},   {Kind::kBadName, 2},
                                                {Kind::kBadName, 2},    {Kind::kBadName, 3},
                                                {Kind::kStrayClose, 4}, {Kind::kUnclosed, 5}};
  EXPECT_EQ(found, expected) << DescribeProblems(problems);
  EXPECT_EQ(problems[2].name, "Reference");
}

TEST(CheckLetterTemplate, NestedOpeningIsUnclosed) {
  auto problems = CheckLetterTemplate("{{summary {{reference}}");
  ASSERT_EQ(problems.size(), 1u) << DescribeProblems(problems);
  EXPECT_EQ(problems[0].kind, TemplateProblem::Kind::kUnclosed);
  EXPECT_TRUE(CheckLetterTemplate("Alles goed: {{summary}}.").empty());
}

TEST(FillLetter, RefusesTooLongTemplatesAndResults) {
  EXPECT_FALSE(FillLetter(std::string(kMaxTemplateChars + 1, 'a'), AllValues()));
  // Short template, long result: a value repeated many times.
  auto values = AllValues();
  values["summary"] = std::string(1000, 'x');
  std::string repeated;
  for (int i = 0; i < 30; ++i) repeated += "{{summary}}";
  auto filled = FillLetter(repeated, values);
  ASSERT_FALSE(filled);
  EXPECT_NE(filled.error().find("longer than 20000"), std::string::npos) << filled.error();
}

}  // namespace
}  // namespace meldpunt::letters
