#include "domain/report.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

MunicipalityRegistry TestRegistry() {
  return MunicipalityRegistry::FromCsv(
             "code,name,safety_region,valid_to,merged_into\n"
             "GM0363,Amsterdam,VR13,,\nGM0457,Weesp,VR14,2022-03-23,GM0363\nGM0599,Rotterdam,VR17,,"
             "\n")
      .value();
}

const Date kToday = *ParseIsoDate("2026-11-26");

ReportInput ValidAnonymous() {
  return ReportInput{
      "I was refused at the door.", "2026-11-20", "GM0363", "GM0599", "yes", "", "", ""};
}

std::vector<std::string> FieldsWithErrors(const ReportValidation& v) {
  std::vector<std::string> fields;
  for (const auto& e : v.errors) fields.push_back(e.field);
  return fields;
}

TEST(ValidateReport, AcceptsAnAnonymousReport) {
  auto v = ValidateReport(ValidAnonymous(), TestRegistry(), kToday);
  ASSERT_TRUE(v.report) << v.errors.size();
  EXPECT_TRUE(v.report->anonymous);
  EXPECT_EQ(v.report->incident_municipality, "GM0363");
  EXPECT_FALSE(v.report->contact);
}

TEST(ValidateReport, AnonymousReportDropsContactDetails) {
  auto input = ValidAnonymous();
  input.contact_email = "someone@example.nl";
  input.contact_name = "Someone";
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  EXPECT_FALSE(v.report->contact);
}

TEST(ValidateReport, SpecialMunicipalityValuesAreAccepted) {
  auto input = ValidAnonymous();
  input.incident_municipality = "none";
  input.residence_municipality = "unknown";
  EXPECT_TRUE(ValidateReport(input, TestRegistry(), kToday).report);
  // ...but not swapped: "unknown" is no incident place and "none" no residence.
  input.incident_municipality = "unknown";
  input.residence_municipality = "none";
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"incident_municipality", "residence_municipality"}));
}

TEST(ValidateReport, RequiresEveryMandatoryField) {
  auto v = ValidateReport(ReportInput{}, TestRegistry(), kToday);
  EXPECT_FALSE(v.report);
  EXPECT_EQ(FieldsWithErrors(v),
            (std::vector<std::string>{"description", "incident_date", "incident_municipality",
                                      "residence_municipality", "anonymous"}));
  for (const auto& e : v.errors) EXPECT_EQ(e.problem, Problem::kRequired);
}

TEST(ValidateReport, WhitespaceOnlyDescriptionIsMissing) {
  auto input = ValidAnonymous();
  input.description = "  \n\t ";
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors[0].problem, Problem::kRequired);
}

TEST(ValidateReport, RejectsUnknownAndMergedMunicipalities) {
  auto input = ValidAnonymous();
  input.incident_municipality = "GM9999";
  input.residence_municipality = "GM0457";  // Weesp, part of Amsterdam since 2022
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_EQ(v.errors.size(), 2u);
  EXPECT_EQ(v.errors[0].problem, Problem::kUnknownMunicipality);
  EXPECT_EQ(v.errors[1].problem, Problem::kUnknownMunicipality);
}

TEST(ValidateReport, ChecksTheDate) {
  auto input = ValidAnonymous();
  auto problem_for = [&](const char* date) {
    input.incident_date = date;
    auto v = ValidateReport(input, TestRegistry(), kToday);
    return v.errors.empty() ? std::optional<Problem>{} : v.errors[0].problem;
  };
  EXPECT_EQ(problem_for("2026-11-27"), Problem::kFutureDate);
  EXPECT_EQ(problem_for("2026-02-30"), Problem::kInvalidDate);
  EXPECT_EQ(problem_for("26-11-2026"), Problem::kInvalidDate);
  EXPECT_EQ(problem_for("1899-12-31"), Problem::kTooOld);
  EXPECT_EQ(problem_for("2026-11-26"), std::nullopt);
}

TEST(ValidateReport, NamedReportNeedsAWayToBeReached) {
  auto input = ValidAnonymous();
  input.anonymous = "no";
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors[0].field, "contact_email");
  EXPECT_EQ(v.errors[0].problem, Problem::kContactRequired);

  input.contact_phone = "06-12345678";
  v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  EXPECT_EQ(v.report->contact->phone, "06-12345678");
}

TEST(ValidateReport, ChecksEmailAndPhone) {
  auto input = ValidAnonymous();
  input.anonymous = "no";
  input.contact_email = "not-an-address";
  input.contact_phone = "call me";
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"contact_email", "contact_phone"}));
}

TEST(ValidateReport, LimitsLengthInCharactersNotBytes) {
  auto input = ValidAnonymous();
  std::string euro = "\xe2\x82\xac";  // three bytes, one character
  input.description.clear();
  for (size_t i = 0; i < kMaxDescriptionChars; ++i) input.description += euro;
  EXPECT_TRUE(ValidateReport(input, TestRegistry(), kToday).report);
  input.description += "x";
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors[0].problem, Problem::kTooLong);
}

TEST(ValidateReport, RejectsInvalidUtf8AndControlCharacters) {
  auto input = ValidAnonymous();
  input.description = "bad \xc3\x28 bytes";
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kInvalidText);
  input.description = std::string("nul \0 inside", 12);
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kInvalidText);
  input.description = "line one\r\nline two\ttab";
  EXPECT_TRUE(ValidateReport(input, TestRegistry(), kToday).report);
}

TEST(ValidateReport, RejectsAnUnknownAnonymityChoice) {
  auto input = ValidAnonymous();
  input.anonymous = "maybe";
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kInvalidChoice);
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(IsValidUtf8Text("\xc0\xaf", false));
  EXPECT_FALSE(IsValidUtf8Text("\xed\xa0\x80", false));
  EXPECT_FALSE(IsValidUtf8Text("\xf4\x90\x80\x80", false));
  EXPECT_TRUE(IsValidUtf8Text("Zoë \xf0\x9f\x98\x80", false));
}

}  // namespace
}  // namespace meldpunt
