// Letter templates, letterheads and the letters of a case on a real SQLite file: templates per
// bureau and language, and a letter's free text and PDF encrypted at rest.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class LetterStoreTest : public SqliteStoreFixture {
 protected:
  LetterStoreTest() : SqliteStoreFixture(KeyOf(7), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    ASSERT_TRUE(store_->AddUser({"admin@example.nl", "x", StaffRole::kBureauAdmin, 1, ""}, 1));
    admin_ = store_->FindUser("admin@example.nl")->id;
  }

  long long admin_ = 0;
};

TEST_F(LetterStoreTest, TemplatesArePerBureauAndLanguageAndCanBeReset) {
  EXPECT_FALSE(store_->GetLetterTemplate(1, "nl"));
  store_->SaveLetterTemplate(1, "nl", {"Onderwerp {{reference}}", "Tekst", "Groet", 0, {}}, admin_,
                             100);
  auto saved = store_->GetLetterTemplate(1, "nl");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->subject, "Onderwerp {{reference}}");
  EXPECT_EQ(saved->body, "Tekst");
  EXPECT_EQ(saved->closing, "Groet");
  EXPECT_EQ(saved->updated_at, 100);
  EXPECT_EQ(saved->updated_by_email, "admin@example.nl");
  EXPECT_FALSE(store_->GetLetterTemplate(1, "en"));
  auto second = store_->AddBureau("Tweede", 1);
  ASSERT_TRUE(second);
  EXPECT_FALSE(store_->GetLetterTemplate(*second, "nl"));

  store_->SaveLetterTemplate(1, "nl", {"Nieuw", "Andere tekst", "", 0, {}}, admin_, 200);
  EXPECT_EQ(store_->GetLetterTemplate(1, "nl")->body, "Andere tekst");
  EXPECT_EQ(store_->GetLetterTemplate(1, "nl")->updated_at, 200);
  store_->DeleteLetterTemplate(1, "nl");
  EXPECT_FALSE(store_->GetLetterTemplate(1, "nl"));
}

TEST_F(LetterStoreTest, LetterheadKeepsItsLinesPhoneAndEmail) {
  EXPECT_TRUE(store_->GetLetterhead(1).address_lines.empty());
  EXPECT_TRUE(store_->GetLetterhead(1).phone.empty());
  store_->SaveLetterhead(1, {{"Postbus 1", "3500 AA Utrecht"}, "030 123 45 67", "info@adv.nl"},
                         admin_, 5);
  Letterhead stored = store_->GetLetterhead(1);
  EXPECT_EQ(stored.address_lines, (std::vector<std::string>{"Postbus 1", "3500 AA Utrecht"}));
  EXPECT_EQ(stored.phone, "030 123 45 67");
  EXPECT_EQ(stored.email, "info@adv.nl");
  store_->SaveLetterhead(1, {}, admin_, 6);
  stored = store_->GetLetterhead(1);
  EXPECT_TRUE(stored.address_lines.empty());
  EXPECT_TRUE(stored.phone.empty());
  EXPECT_TRUE(stored.email.empty());
}

TEST_F(LetterStoreTest, ALetterIsStoredEncryptedAndReadBackWithItsPdf) {
  auto report = store_->AddReport(TestReport("text"), 1'800'000'000);
  std::string pdf = std::string("%PDF-1.5\n\0binary", 16);
  NewCaseLetter letter{report.id,
                       admin_,
                       "nl",
                       "2027-01-15",
                       "Bakkerij Zonnestraal B.V.",
                       "Kerkstraat 1\n1234 AB Ergens",
                       "Een klant werd niet geholpen.",
                       "Jan Jansen",
                       pdf,
                       "Mevrouw De Vries"};
  long long id = store_->AddCaseLetter(letter, 1'800'000'100);
  EXPECT_GT(id, 0);
  auto listed = store_->ListCaseLetters(report.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, id);
  EXPECT_EQ(listed[0].at, 1'800'000'100);
  EXPECT_EQ(listed[0].staff_email, "admin@example.nl");
  EXPECT_EQ(listed[0].letter.other_party_name, "Bakkerij Zonnestraal B.V.");
  EXPECT_EQ(listed[0].letter.other_party_address, "Kerkstraat 1\n1234 AB Ergens");
  EXPECT_EQ(listed[0].letter.summary, "Een klant werd niet geholpen.");
  EXPECT_EQ(listed[0].letter.signed_by, "Jan Jansen");
  EXPECT_EQ(listed[0].letter.other_party_attention, "Mevrouw De Vries");
  EXPECT_EQ(listed[0].letter.reply_by, "2027-01-15");
  EXPECT_TRUE(listed[0].letter.pdf.empty()) << "lists carry no PDFs";
  auto one = store_->GetCaseLetter(report.id, id);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->letter.pdf, pdf);
  EXPECT_FALSE(store_->GetCaseLetter(report.id + 1, id)) << "only with its own report";

  std::string bytes = FileBytes();
  for (const char* clear :
       {"Zonnestraal", "Kerkstraat", "niet geholpen", "Jan Jansen", "De Vries", "%PDF"})
    EXPECT_EQ(bytes.find(clear), std::string::npos) << clear << " is stored in clear";

  store_->DeleteCaseLetter(report.id, id);
  EXPECT_TRUE(store_->ListCaseLetters(report.id).empty());
}

}  // namespace
}  // namespace meldpunt
