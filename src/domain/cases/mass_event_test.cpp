#include "domain/cases/mass_event.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

const Date kToday = *ParseIsoDate("2026-03-10");

std::vector<std::string> FieldsOf(const MassEventValidation& v) {
  std::vector<std::string> fields;
  for (const auto& e : v.errors) fields.push_back(e.field);
  return fields;
}

TEST(MassEvent, AValidEventIsTrimmed) {
  auto v = ValidateMassEvent(
      {"  Uitspraak in talkshow ", "Uitzending van 3 maart\nop NPO 1", "2026-03-03"}, kToday);
  EXPECT_TRUE(v.errors.empty());
  EXPECT_EQ(v.event.name, "Uitspraak in talkshow");
  EXPECT_EQ(v.event.description, "Uitzending van 3 maart\nop NPO 1");
}

TEST(MassEvent, NameAndStartDateAreRequiredTheDescriptionIsNot) {
  auto v = ValidateMassEvent({"", "", ""}, kToday);
  EXPECT_EQ(FieldsOf(v), (std::vector<std::string>{"name", "started_on"}));
  EXPECT_EQ(v.errors[0].problem, Problem::kRequired);
}

TEST(MassEvent, LimitsAndDatesAreChecked) {
  auto v = ValidateMassEvent({std::string(201, 'x'), std::string(2001, 'y'), "2026-02-30"}, kToday);
  EXPECT_EQ(FieldsOf(v), (std::vector<std::string>{"name", "description", "started_on"}));
  EXPECT_EQ(v.errors[0].problem, Problem::kTooLong);
  EXPECT_EQ(v.errors[1].problem, Problem::kTooLong);
  EXPECT_EQ(v.errors[2].problem, Problem::kInvalidDate);
  EXPECT_EQ(ValidateMassEvent({"a\nb", "", "2026-03-12"}, kToday).errors[0].problem,
            Problem::kInvalidText);
  EXPECT_EQ(ValidateMassEvent({"a", "", "2026-03-12"}, kToday).errors[0].problem,
            Problem::kFutureDate);
  EXPECT_TRUE(ValidateMassEvent({"a", "", "2026-03-11"}, kToday).errors.empty());
  EXPECT_EQ(ValidateMassEvent({"a", "", "1899-12-31"}, kToday).errors[0].problem, Problem::kTooOld);
}

TEST(MassEvent, AReferenceListTakesAnySeparatorAndCase) {
  auto list =
      ParseReferenceList("MP-2026-000042, mp-2026-000043;\nMP-2025-000001\tMP-2026-000042", 10);
  ASSERT_EQ(list.references.size(), 3u);
  EXPECT_EQ(list.references[0].number, 42);
  EXPECT_EQ(list.references[1].number, 43);
  EXPECT_EQ(list.references[2].year, 2025);
  EXPECT_TRUE(list.not_understood.empty());
  EXPECT_FALSE(list.too_many);
}

TEST(MassEvent, AReferenceListSaysWhatItDidNotUnderstand) {
  auto list = ParseReferenceList("MP-2026-000042 hallo MP-26-1", 10);
  EXPECT_EQ(list.references.size(), 1u);
  EXPECT_EQ(list.not_understood, (std::vector<std::string>{"hallo", "MP-26-1"}));
  EXPECT_TRUE(ParseReferenceList("  \n ,", 10).references.empty());
}

TEST(MassEvent, AReferenceListOverTheLimitTakesNothing) {
  auto list = ParseReferenceList("MP-2026-000001 MP-2026-000002 MP-2026-000003", 2);
  EXPECT_TRUE(list.too_many);
  EXPECT_TRUE(list.references.empty());
  EXPECT_FALSE(ParseReferenceList("MP-2026-000001 MP-2026-000002 MP-2026-000001", 2).too_many);
}

}  // namespace
}  // namespace meldpunt
