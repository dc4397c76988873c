// The letter form's checks, the values a letter is filled with, the template checks with their
// line numbers in both languages, and a whole letter rendered from a stored template.
#include "web/letters/case_letter.hpp"

#include <gtest/gtest.h>

#include "domain/reports/test_report.hpp"
#include "letters/pdf_test_tools.hpp"
#include "store/letter_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/store_types.hpp"
#include "web/common/test_app.hpp"
#include "web/letters/letter_template_check.hpp"

namespace meldpunt::web {
namespace {

LetterForm Valid() {
  return {.other_party_name = "Bakkerij Zonnestraal",
          .other_party_address = "Kerkstraat 1\n1234 AB Ergens",
          .summary = "Een klant werd niet geholpen.",
          .lang = "nl",
          .reply_by = "2026-12-01",
          .signed_by = "Jan Jansen"};
}

std::vector<std::string> Fields(const std::vector<LetterFieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field);
  return fields;
}

const Date kToday = *ParseIsoDate("2026-11-20");

TEST(LetterForm, AValidFormHasNoErrors) { EXPECT_TRUE(CheckLetterForm(Valid(), kToday).empty()); }

TEST(LetterForm, EveryFieldIsRequired) {
  EXPECT_EQ(Fields(CheckLetterForm(LetterForm{}, kToday)),
            (std::vector<std::string>{"other_party_name", "other_party_address", "summary", "lang",
                                      "reply_by", "signed_by"}));
}

TEST(LetterForm, LimitsAreKept) {
  LetterForm form = Valid();
  form.other_party_name = std::string(201, 'a');
  form.other_party_address = "1\n2\n3\n4\n5\n6\n7\n8\n9";
  form.summary = std::string(5001, 'a');
  form.signed_by = std::string(101, 'a');
  form.lang = "de";
  EXPECT_EQ(Fields(CheckLetterForm(form, kToday)),
            (std::vector<std::string>{"other_party_name", "other_party_address", "summary", "lang",
                                      "signed_by"}));
  form = Valid();
  form.other_party_address = std::string(101, 'x');
  EXPECT_EQ(Fields(CheckLetterForm(form, kToday)),
            (std::vector<std::string>{"other_party_address"}));
  form = Valid();
  form.other_party_name = "Naam\x01";
  EXPECT_EQ(Fields(CheckLetterForm(form, kToday)), (std::vector<std::string>{"other_party_name"}));
}

TEST(LetterForm, TheReplyDateIsFromTodayToAYearAhead) {
  LetterForm form = Valid();
  for (const char* ok : {"2026-11-20", "2027-11-20"}) {
    form.reply_by = ok;
    EXPECT_TRUE(CheckLetterForm(form, kToday).empty()) << ok;
  }
  for (const char* bad : {"2026-11-19", "2027-11-21", "20-11-2026", "2026-02-30"}) {
    form.reply_by = bad;
    EXPECT_EQ(Fields(CheckLetterForm(form, kToday)), (std::vector<std::string>{"reply_by"})) << bad;
  }
}

TEST(LetterForm, ReadTrimsAndDropsBlankAddressLines) {
  http::FormFields fields{{{"other_party_name", "  Bakkerij  "},
                           {"other_party_address", "\r\n Kerkstraat 1 \r\n\r\n1234 AB Ergens\r\n"},
                           {"summary", " x "},
                           {"lang", "en"},
                           {"reply_by", "2026-12-01"},
                           {"signed_by", " Jan "}}};
  LetterForm form = ReadLetterForm(fields);
  EXPECT_EQ(form.other_party_name, "Bakkerij");
  EXPECT_EQ(form.other_party_address, "Kerkstraat 1\n1234 AB Ergens");
  EXPECT_EQ(form.summary, "x");
  EXPECT_EQ(form.signed_by, "Jan");
}

TEST(LetterForm, ReplyDateDefaultsToTheReplyTermOnTheDutchCalendar) {
  // 2026-03-31 23:30 UTC is already 1 April in the Netherlands (summer time).
  long long late_evening = 1'774'999'800;
  ASSERT_EQ(FormatIsoDate(DateOfUnixSeconds(late_evening)), "2026-03-31");
  EXPECT_EQ(FormatIsoDate(DutchToday(late_evening)), "2026-04-01");
  DeadlineSettings settings;
  settings.other_party_reply_days = 14;
  EXPECT_EQ(FormatIsoDate(DefaultReplyBy(late_evening, settings)), "2026-04-15");
}

TEST(LetterValues, IncidentDatesAreWrittenAsALetterWritesThem) {
  EXPECT_EQ(LetterIncidentDate("2025-03-31", letters::Lang::kNl), "31 maart 2025");
  EXPECT_EQ(LetterIncidentDate("2025-03", letters::Lang::kNl), "maart 2025");
  EXPECT_EQ(LetterIncidentDate("2025-03", letters::Lang::kEn), "March 2025");
  EXPECT_EQ(LetterIncidentDate("2025", letters::Lang::kEn), "2025");
}

TEST(LetterValues, EveryPlaceholderHasAValue) {
  RegisteredReport report;
  report.reference = "MP-2026-000042";
  report.incident_date = "2026-01-02";
  auto values = LetterValues(report, Valid(), "ADV Utrecht",
                             {{"Postbus 1", "3500 AA Utrecht"}, "030 123 45 67", ""}, kToday);
  for (std::string_view name : letters::kLetterPlaceholders)
    EXPECT_TRUE(values.contains(std::string(name))) << name;
  EXPECT_EQ(values["reference"], "MP-2026-000042");
  EXPECT_EQ(values["date"], "20 november 2026");
  EXPECT_EQ(values["reply_by"], "1 december 2026");
  EXPECT_EQ(values["incident_date"], "2 januari 2026");
  EXPECT_EQ(values["handler_name"], "Jan Jansen");
  EXPECT_EQ(values["bureau_name"], "ADV Utrecht");
  EXPECT_EQ(values["bureau_address"], "Postbus 1, 3500 AA Utrecht");
  EXPECT_EQ(values["bureau_phone"], "030 123 45 67");
  EXPECT_EQ(values["bureau_email"], "");
  EXPECT_EQ(values["bureau_contact"],
            "U kunt ons bereiken op telefoonnummer 030 123 45 67. Ons postadres is Postbus 1, "
            "3500 AA Utrecht.");
}

TEST(LetterForm, TheContactPersonIsOptionalAndShort) {
  LetterForm form = Valid();
  EXPECT_TRUE(CheckLetterForm(form, kToday).empty());
  form.other_party_attention = "Mevrouw De Vries";
  EXPECT_TRUE(CheckLetterForm(form, kToday).empty());
  form.other_party_attention = std::string(101, 'a');
  auto errors = CheckLetterForm(form, kToday);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "other_party_attention");
  form.other_party_attention = "De\nVries";  // one line only
  ASSERT_EQ(CheckLetterForm(form, kToday).size(), 1u);
}

TEST(Letterhead, PhoneAndEmailAreOptionalButChecked) {
  EXPECT_FALSE(CheckLetterheadPhone(""));
  EXPECT_FALSE(CheckLetterheadPhone("030 123 45 67"));
  EXPECT_FALSE(CheckLetterheadPhone("+31 30-1234567"));
  EXPECT_TRUE(CheckLetterheadPhone("bel ons"));
  EXPECT_TRUE(CheckLetterheadPhone("12"));
  EXPECT_FALSE(CheckLetterheadEmail(""));
  EXPECT_FALSE(CheckLetterheadEmail("info@adv.nl"));
  EXPECT_TRUE(CheckLetterheadEmail("info at adv"));
}

TEST(BureauTemplate, ProblemsNameTheFieldAndTheLine) {
  letters::LetterTemplate text{"Kenmerk {{reference}}", "Geachte heer,\n\nZie {{refrence}}.",
                               "Groet\n{{handler_name"};
  auto problems = CheckBureauTemplate(text);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "body");
  ASSERT_TRUE(problems[0].placeholder);
  EXPECT_EQ(problems[0].placeholder->line, 3);
  EXPECT_EQ(problems[1].field, "closing");
  EXPECT_EQ(problems[1].placeholder->line, 2);

  TestApp test;
  EXPECT_EQ(TemplateProblemText(test.app(), Lang::kEn, problems[0]),
            "Line 3: {{refrence}} is not one of the placeholders listed on this page.");
  EXPECT_EQ(TemplateProblemText(test.app(), Lang::kNl, problems[0]),
            "Regel 3: {{refrence}} is geen van de invulvelden die op deze pagina staan.");
}

TEST(BureauTemplate, SubjectBodyAndClosingHaveTheirRules) {
  auto fields = [](const letters::LetterTemplate& text) {
    std::vector<std::string> found;
    for (const auto& problem : CheckBureauTemplate(text)) found.push_back(problem.field);
    return found;
  };
  EXPECT_TRUE(fields({"Onderwerp", "Tekst", ""}).empty()) << "the closing may be empty";
  EXPECT_EQ(fields({"", " \n ", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11"}),
            (std::vector<std::string>{"subject", "body", "closing"}));
  EXPECT_EQ(fields({"Twee\nregels", "Tekst", ""}), (std::vector<std::string>{"subject"}));
  EXPECT_EQ(fields({std::string(201, 'a'), "Tekst", ""}), (std::vector<std::string>{"subject"}));
}

TEST(Letterhead, AtMostSixShortLines) {
  EXPECT_EQ(CheckLetterhead("\n Postbus 1 \n\n3500 AA Utrecht\n").lines,
            (std::vector<std::string>{"Postbus 1", "3500 AA Utrecht"}));
  EXPECT_FALSE(CheckLetterhead("").msgid);
  EXPECT_TRUE(CheckLetterhead("1\n2\n3\n4\n5\n6\n7").msgid);
  EXPECT_TRUE(CheckLetterhead(std::string(101, 'a')).msgid);
}

TEST(CaseLetter, RendersTheBureausOwnTemplateWithTheCase) {
  if (!letters::OnPath("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  TestApp test;
  const AppContext& app = test.app();
  auto report = app.reports.AddReport(TestReport("text"), app.now());
  ASSERT_TRUE(app.staff.AddUser({"admin@example.nl", "x", StaffRole::kBureauAdmin, 1, ""}, 1));
  long long admin = app.staff.FindUser("admin@example.nl")->id;
  app.letters.SaveLetterTemplate(report.bureau_id, "nl",
                                 {"Kenmerk {{reference}}",
                                  "Beste {{other_party_name}},\n\nOns eigen sjabloon. Graag vóór "
                                  "{{reply_by}}.\n\n{{summary}}",
                                  "Groet,\n{{handler_name}}",
                                  0,
                                  {}},
                                 admin, app.now());
  app.letters.SaveLetterhead(report.bureau_id, {{"Postbus 1234"}, "030 123 45 67", ""}, admin,
                             app.now());
  LetterForm form = Valid();
  form.other_party_attention = "Mevrouw De Vries";
  auto pdf = RenderCaseLetter(app, report, form);
  ASSERT_TRUE(pdf) << pdf.error();
  std::string text = letters::PdfToText(*pdf);
  for (const char* expected : {"Ons eigen sjabloon", "Bakkerij Zonnestraal", "Kerkstraat 1",
                               "1 december 2026", "Postbus 1234", "Tel. 030 123 45 67",
                               "t.a.v. Mevrouw De Vries", "Jan Jansen", report.reference.c_str()}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  }
}

}  // namespace
}  // namespace meldpunt::web
