#include "letters/compose.hpp"

#include <gtest/gtest.h>

#include "letters/default_template.hpp"
#include "letters/letter_date.hpp"

namespace meldpunt::letters {
namespace {

using Lines = std::vector<std::string>;

std::map<std::string, std::string> Values() {
  return {{"reference", "2026-0042"},
          {"date", "3 maart 2026"},
          {"other_party_name", "Café De Brug B.V."},
          {"other_party_address", "t.a.v. de directie\r\nKerkstraat 1\r\n3511 AB Utrecht\n"},
          {"incident_date", "14 februari 2026"},
          {"summary", "Een bezoeker werd de toegang geweigerd.\n\nDe portier zei: \"vol\"."},
          {"reply_by", "17 maart 2026"},
          {"handler_name", "J. de Vries"},
          {"bureau_name", "Bureau Gelijke Behandeling"},
          {"bureau_contact", "U kunt ons bereiken op telefoonnummer 030 123 45 67."}};
}

TEST(ComposeLetter, PlacesTheValuesAndFillsTheTemplate) {
  auto layout = ComposeLetter(DefaultLetterTemplate(Lang::kNl), Values(),
                              {"Postbus 1", "3500 AA Utrecht"}, Lang::kNl);
  ASSERT_TRUE(layout) << layout.error();
  EXPECT_EQ(layout->sender, (Lines{"Bureau Gelijke Behandeling", "Postbus 1", "3500 AA Utrecht"}));
  EXPECT_EQ(layout->recipient,
            (Lines{"Café De Brug B.V.", "t.a.v. de directie", "Kerkstraat 1", "3511 AB Utrecht"}));
  EXPECT_EQ(layout->date_line, "3 maart 2026");
  EXPECT_EQ(layout->subject, "Verzoek om uw reactie op een melding (kenmerk 2026-0042)");
  EXPECT_EQ(layout->title, layout->subject);
  ASSERT_GE(layout->paragraphs.size(), 5u);
  EXPECT_EQ(layout->paragraphs[0], "Geachte heer, mevrouw,");
  // The summary's own blank line makes two paragraphs.
  EXPECT_EQ(layout->paragraphs[2], "Een bezoeker werd de toegang geweigerd.");
  EXPECT_EQ(layout->paragraphs[3], "De portier zei: \"vol\".");
  EXPECT_EQ(layout->signature,
            (Lines{"Met vriendelijke groet,", "", "J. de Vries", "Bureau Gelijke Behandeling"}));
  // The built-in letter asks the other party to get in touch and says how.
  EXPECT_NE(layout->paragraphs[5].find("neem dan gerust contact met ons op. U kunt ons bereiken op "
                                       "telefoonnummer 030 123 45 67."),
            std::string::npos)
      << layout->paragraphs[5];
}

TEST(ComposeLetter, TheContactPersonGetsAnAttentionLineUnderTheName) {
  auto values = Values();
  values["other_party_address"] = "Kerkstraat 1\n3511 AB Utrecht";
  values["other_party_attention"] = "mevrouw A. Bakker";
  auto nl = ComposeLetter(DefaultLetterTemplate(Lang::kNl), values, {}, Lang::kNl);
  ASSERT_TRUE(nl) << nl.error();
  EXPECT_EQ(nl->recipient, (Lines{"Café De Brug B.V.", "t.a.v. mevrouw A. Bakker", "Kerkstraat 1",
                                  "3511 AB Utrecht"}));
  auto en = ComposeLetter(DefaultLetterTemplate(Lang::kEn), values, {}, Lang::kEn);
  ASSERT_TRUE(en) << en.error();
  EXPECT_EQ(en->recipient[1], "Attn. mevrouw A. Bakker");
  // Without a contact person the block is the name and the address only.
  values["other_party_attention"] = "";
  auto none = ComposeLetter(DefaultLetterTemplate(Lang::kNl), values, {}, Lang::kNl);
  ASSERT_TRUE(none) << none.error();
  EXPECT_EQ(none->recipient, (Lines{"Café De Brug B.V.", "Kerkstraat 1", "3511 AB Utrecht"}));
}

TEST(BureauContactSentence, SaysWhatIsKnownAndReadsWellWithout) {
  BureauContact all{{"Postbus 1", "3500 AA Utrecht"}, "030 123 45 67", "info@adv.nl"};
  EXPECT_EQ(BureauContactSentence(all, Lang::kNl),
            "U kunt ons bereiken op telefoonnummer 030 123 45 67 of per e-mail via info@adv.nl. "
            "Ons postadres is Postbus 1, 3500 AA Utrecht.");
  EXPECT_EQ(BureauContactSentence(all, Lang::kEn),
            "You can reach us by telephone on 030 123 45 67 or by e-mail at info@adv.nl. Our "
            "postal address is Postbus 1, 3500 AA Utrecht.");
  EXPECT_EQ(BureauContactSentence({{}, "", "info@adv.nl"}, Lang::kNl),
            "U kunt ons bereiken per e-mail via info@adv.nl.");
  EXPECT_EQ(BureauContactSentence({{"Postbus 1"}, "", ""}, Lang::kEn),
            "Our postal address is Postbus 1.");
  EXPECT_EQ(BureauContactSentence({}, Lang::kNl),
            "U kunt ook schriftelijk op deze brief reageren.");
  EXPECT_EQ(BureauContactSentence({}, Lang::kEn), "You may also reply to this letter in writing.");
}

TEST(ComposeLetter, SaysWhatIsMissingOrWrong) {
  auto values = Values();
  values.erase("other_party_address");
  auto missing = ComposeLetter(DefaultLetterTemplate(Lang::kEn), values, {}, Lang::kEn);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), "no value for other_party_address");

  LetterTemplate broken = DefaultLetterTemplate(Lang::kEn);
  broken.closing += "\n{{handler_phone}}";
  auto wrong = ComposeLetter(broken, Values(), {}, Lang::kEn);
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().find("closing: "), std::string::npos) << wrong.error();
  EXPECT_NE(wrong.error().find("{{handler_phone}}"), std::string::npos) << wrong.error();
}

TEST(SplitParagraphs, BlankLinesSeparateSingleBreaksStay) {
  EXPECT_EQ(SplitParagraphs("\n\n a\nb\r\n\r\n  \t\n\nc\n\n"), (Lines{" a\nb", "c"}));
  EXPECT_TRUE(SplitParagraphs(" \n\n").empty());
  EXPECT_EQ(SplitLines("\n\nx\n\ny\n \n"), (Lines{"x", "", "y"}));
}

TEST(FormatLetterDate, WritesTheMonthInTheLanguage) {
  Date date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{3}};
  EXPECT_EQ(FormatLetterDate(date, Lang::kNl), "3 maart 2026");
  EXPECT_EQ(FormatLetterDate(date, Lang::kEn), "3 March 2026");
}

}  // namespace
}  // namespace meldpunt::letters
