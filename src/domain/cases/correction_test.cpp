#include "domain/cases/correction.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

const Contact kCurrent{"Sam", "sam@example.nl", "", "email", "evenings", "Dutch"};

TEST(Correction, OnlyWhatChangedIsCorrected) {
  auto same =
      ValidateCorrection({" Old text ", "Sam", "sam@example.nl", ""}, false, "Old text", kCurrent);
  ASSERT_TRUE(same.correction);
  EXPECT_TRUE(same.correction->empty());

  auto both = ValidateCorrection({"New text", "Sam de Vries", "sam@example.nl", "06 1234 5678"},
                                 false, "Old text", kCurrent);
  ASSERT_TRUE(both.correction);
  EXPECT_EQ(both.correction->description, "New text");
  ASSERT_TRUE(both.correction->contact);
  EXPECT_EQ(both.correction->contact->name, "Sam de Vries");
  EXPECT_EQ(both.correction->contact->phone, "06 1234 5678");
  // What the form does not ask for is kept.
  EXPECT_EQ(both.correction->contact->preference, "email");
  EXPECT_EQ(both.correction->contact->time, "evenings");
  EXPECT_EQ(both.correction->contact->language, "Dutch");
}

TEST(Correction, TheFormsRulesApply) {
  auto empty = ValidateCorrection({"  ", "Sam", "", ""}, false, "Old", kCurrent);
  EXPECT_FALSE(empty.correction);
  ASSERT_EQ(empty.errors.size(), 2u);
  EXPECT_EQ(empty.errors[0].field, "description");
  EXPECT_EQ(empty.errors[0].problem, Problem::kRequired);
  EXPECT_EQ(empty.errors[1].field, "contact_email");
  EXPECT_EQ(empty.errors[1].problem, Problem::kContactRequired);

  auto bad = ValidateCorrection({"Text", "", "not an address", "12"}, false, "Old", kCurrent);
  EXPECT_FALSE(bad.correction);
  ASSERT_EQ(bad.errors.size(), 2u);
  EXPECT_EQ(bad.errors[0].problem, Problem::kInvalidEmail);
  EXPECT_EQ(bad.errors[1].problem, Problem::kInvalidPhone);

  auto long_text = ValidateCorrection({std::string(kMaxDescriptionChars + 1, 'a'), "", "", ""},
                                      true, "Old", std::nullopt);
  ASSERT_EQ(long_text.errors.size(), 1u);
  EXPECT_EQ(long_text.errors[0].problem, Problem::kTooLong);
}

TEST(Correction, AnAnonymousReportHasNoContactToCorrect) {
  auto result =
      ValidateCorrection({"New", "Someone", "someone@example.nl", ""}, true, "Old", std::nullopt);
  ASSERT_TRUE(result.correction);
  EXPECT_EQ(result.correction->description, "New");
  EXPECT_FALSE(result.correction->contact);
}

}  // namespace
}  // namespace meldpunt
