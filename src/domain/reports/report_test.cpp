#include "domain/reports/report.hpp"

#include <gtest/gtest.h>

#include "base/text.hpp"
#include "domain/reports/classification.hpp"

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
  ReportInput input;
  input.reporter_role = "victim";
  input.description = "I was refused at the door.";
  input.nature = "unequal_treatment";
  input.grounds = {"origin"};
  input.domain = "hospitality";
  input.incident_date = "2026-11-20";
  input.incident_municipality = "GM0363";
  input.scope = "incident";
  input.residence_municipality = "GM0599";
  input.anonymous = "yes";
  input.wishes = {"registration_only"};
  input.consent = "yes";
  return input;
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
            (std::vector<std::string>{"residence_municipality", "incident_municipality"}));
}

TEST(ValidateReport, RequiresEveryMandatoryField) {
  auto v = ValidateReport(ReportInput{}, TestRegistry(), kToday);
  EXPECT_FALSE(v.report);
  EXPECT_EQ(
      FieldsWithErrors(v),
      (std::vector<std::string>{"reporter_role", "residence_municipality", "description", "nature",
                                "grounds", "domain", "incident_date", "incident_municipality",
                                "scope", "anonymous", "wishes", "consent"}));
  for (const auto& e : v.errors) {
    EXPECT_EQ(e.problem, e.field == "consent" ? Problem::kConsentRequired : Problem::kRequired);
  }
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

TEST(ValidateReport, ApproximateDatesKeepTheirPrecision) {
  auto input = ValidAnonymous();
  input.incident_when = "approximate";
  input.incident_date = "not looked at";
  input.incident_year = "2025";
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  EXPECT_EQ(FormatIncidentDate(v.report->incident_date), "2025");
  input.incident_month = "3";
  v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  EXPECT_EQ(FormatIncidentDate(v.report->incident_date), "2025-03");
  EXPECT_EQ(ParseIncidentDate("2025-03")->precision, DatePrecision::kMonth);
  input.incident_year = "2026";
  input.incident_month = "12";  // December 2026 has not begun on 26 November
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"incident_month"}));
  input.incident_month = "13";
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kInvalidChoice);
  input.incident_month.clear();
  input.incident_year = "";
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"incident_year"}));
  input.incident_year = "25";
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kInvalidDate);
}

TEST(ValidateReport, GroundsAreSeveralKnownCodesInListOrder) {
  auto input = ValidAnonymous();
  input.grounds = {"age", "origin", "age", "unknown"};
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  // Duplicates go, and "I don't know" goes when known grounds are ticked too.
  EXPECT_EQ(v.report->grounds, (std::vector<std::string>{"origin", "age"}));
  input.grounds = {"unknown"};
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).report->grounds,
            (std::vector<std::string>{"unknown"}));
  input.grounds = {"origin", "hair colour"};
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kInvalidChoice);
}

TEST(ValidateReport, ChoicesMustComeFromTheCodeLists) {
  auto input = ValidAnonymous();
  input.reporter_role = "boss";
  input.nature = "rudeness";
  input.domain = "moon";
  input.scope = "everything";
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"reporter_role", "nature", "domain", "scope"}));
}

TEST(ValidateReport, AnonymityRulesOutLetterAndMediationForAnIncident) {
  auto input = ValidAnonymous();
  for (const char* wish : {"letter", "mediation", "complaint_procedure", "police_report"}) {
    input.wishes = {"advice", wish};
    auto v = ValidateReport(input, TestRegistry(), kToday);
    ASSERT_EQ(v.errors.size(), 1u) << wish;
    EXPECT_EQ(v.errors[0].field, "wishes");
    EXPECT_EQ(v.errors[0].problem, Problem::kNotWhenAnonymous);
  }
  input.wishes = {"advice", "listening_ear"};
  EXPECT_TRUE(ValidateReport(input, TestRegistry(), kToday).report);
  // About a general policy the bureau may write on its own initiative, even anonymously.
  input.scope = "policy";
  input.wishes = {"letter"};
  EXPECT_TRUE(ValidateReport(input, TestRegistry(), kToday).report);
  input.wishes = {"mediation"};
  EXPECT_FALSE(ValidateReport(input, TestRegistry(), kToday).report);
  // Not anonymous: everything may be asked for, and it makes the report a complaint.
  input.scope = "incident";
  input.anonymous = "no";
  input.contact_email = "a@example.nl";
  input.wishes = {"letter", "mediation"};
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  EXPECT_TRUE(IsComplaint(v.report->wishes));
}

TEST(ValidateReport, RegistrationOnlyStandsAlone) {
  auto input = ValidAnonymous();
  input.wishes = {"registration_only", "advice"};
  EXPECT_EQ(ValidateReport(input, TestRegistry(), kToday).errors.at(0).problem,
            Problem::kRegistrationOnlyAlone);
  input.wishes = {"registration_only"};
  auto v = ValidateReport(input, TestRegistry(), kToday);
  ASSERT_TRUE(v.report);
  EXPECT_FALSE(IsComplaint(v.report->wishes));
}

TEST(ValidateReport, ConsentIsNeededToSendButNotToReview) {
  auto input = ValidAnonymous();
  input.consent = "";
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"consent"}));
  EXPECT_TRUE(ValidateReport(input, TestRegistry(), kToday, {.require_consent = false}).report);
}

TEST(ValidateReport, PostcodeStandsInForTheMunicipality) {
  auto table = PostcodeTable::FromCsv("pc4,municipality\n1011,GM0363\n1381,GM0457\n3011,GM0599\n");
  ASSERT_TRUE(table) << table.error();
  auto input = ValidAnonymous();
  input.residence_municipality.clear();
  input.residence_postcode = "1381 ab";  // Weesp: counted in Amsterdam since the merger
  input.incident_municipality.clear();
  input.incident_postcode = "3011AB";
  ValidationOptions options{.postcodes = &*table};
  auto v = ValidateReport(input, TestRegistry(), kToday, options);
  ASSERT_TRUE(v.report);
  EXPECT_EQ(v.report->residence_municipality, "GM0363");
  EXPECT_EQ(v.report->incident_municipality, "GM0599");
  input.residence_postcode = "9999";
  input.incident_postcode = "12345";
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday, options)),
            (std::vector<std::string>{"residence_postcode", "incident_postcode"}));
  // Without a table a postcode is not enough.
  EXPECT_EQ(FieldsWithErrors(ValidateReport(input, TestRegistry(), kToday)),
            (std::vector<std::string>{"residence_municipality", "incident_municipality"}));
}

TEST(Postcode, AcceptsTheDutchFormats) {
  EXPECT_EQ(PostcodeDigits("1234 AB"), "1234");
  EXPECT_EQ(PostcodeDigits(" 1234ab "), "1234");
  EXPECT_EQ(PostcodeDigits("1234-AB"), "1234");
  EXPECT_EQ(PostcodeDigits("1234"), "1234");
  EXPECT_FALSE(PostcodeDigits("0123 AB"));
  EXPECT_FALSE(PostcodeDigits("1234 A"));
  EXPECT_FALSE(PostcodeDigits("12345"));
  EXPECT_FALSE(PostcodeDigits("ABCD"));
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(IsValidUtf8Text("\xc0\xaf", false));
  EXPECT_FALSE(IsValidUtf8Text("\xed\xa0\x80", false));
  EXPECT_FALSE(IsValidUtf8Text("\xf4\x90\x80\x80", false));
  EXPECT_TRUE(IsValidUtf8Text("Zoë \xf0\x9f\x98\x80", false));
}

}  // namespace
}  // namespace meldpunt
