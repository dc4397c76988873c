#include "letters/default_template.hpp"

#include <gtest/gtest.h>

#include "letters/fill.hpp"

namespace meldpunt::letters {
namespace {

std::map<std::string, std::string> Values() {
  std::map<std::string, std::string> values;
  for (std::string_view name : kLetterPlaceholders)
    values[std::string(name)] = "<" + std::string(name) + ">";
  return values;
}

TEST(DefaultLetterTemplate, IsValidAndFillsInBothLanguages) {
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    LetterTemplate letter = DefaultLetterTemplate(lang);
    for (const std::string* text : {&letter.subject, &letter.body, &letter.closing}) {
      EXPECT_TRUE(CheckLetterTemplate(*text).empty())
          << DescribeProblems(CheckLetterTemplate(*text));
      auto filled = FillLetter(*text, Values());
      ASSERT_TRUE(filled) << filled.error();
      EXPECT_EQ(filled->find("{{"), std::string::npos);
    }
    auto body = *FillLetter(letter.body, Values());
    for (const char* used : {"<reference>", "<summary>", "<reply_by>", "<incident_date>"}) {
      EXPECT_NE(body.find(used), std::string::npos) << used;
    }
    EXPECT_NE(FillLetter(letter.closing, Values())->find("<handler_name>"), std::string::npos);
    EXPECT_EQ(letter.subject.find('\n'), std::string::npos);
  }
  EXPECT_NE(DefaultLetterTemplate(Lang::kNl).body.find("hoor en wederhoor"), std::string::npos);
  EXPECT_NE(DefaultLetterTemplate(Lang::kEn).body.find("both sides"), std::string::npos);
}

}  // namespace
}  // namespace meldpunt::letters
