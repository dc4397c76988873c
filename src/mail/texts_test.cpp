#include "mail/texts.hpp"

#include <gtest/gtest.h>

#include "web/common/i18n.hpp"

namespace meldpunt::mail {
namespace {

using std::chrono::year_month_day;
using namespace std::chrono_literals;

Translate In(const web::Translator& translator, web::Lang lang) {
  return [&translator, lang](std::string_view msgid) { return translator.Get(lang, msgid); };
}

TEST(MailTexts, EveryTextIsTranslatedIntoDutch) {
  web::Translator translator(MELDPUNT_LOCALE_DIR);
  for (const char* id : ReporterMailMessageIds()) {
    EXPECT_TRUE(translator.Has(web::Lang::kNl, id)) << "no Dutch translation for: " << id;
  }
}

TEST(MailTexts, ConfirmationSaysWhenAndWhereToFollowInTheReportersLanguage) {
  web::Translator translator(MELDPUNT_LOCALE_DIR);
  long long at = 1773271800;  // 2026-03-11 23:30 UTC: already 12 March in the Netherlands
  auto nl = ReporterMailText(MailKind::kConfirmation, at, "https://meldpunt.example.nl/",
                             In(translator, web::Lang::kNl));
  EXPECT_EQ(nl.subject, "We hebben uw melding ontvangen");
  EXPECT_NE(nl.body.find("12 maart 2026"), std::string::npos) << nl.body;
  EXPECT_NE(nl.body.find("https://meldpunt.example.nl/melden/volgen"), std::string::npos);
  EXPECT_EQ(nl.body.find("{"), std::string::npos);
  auto en = ReporterMailText(MailKind::kConfirmation, at, "https://meldpunt.example.nl",
                             In(translator, web::Lang::kEn));
  EXPECT_EQ(en.subject, "We received your report");
  EXPECT_NE(en.body.find("12 March 2026"), std::string::npos) << en.body;
  EXPECT_NE(en.body.find("https://meldpunt.example.nl/melden/volgen"), std::string::npos);
}

TEST(MailTexts, NoticePointsToTheSite) {
  web::Translator translator(MELDPUNT_LOCALE_DIR);
  auto nl = ReporterMailText(MailKind::kNotice, 1773271800, "http://localhost:8080",
                             In(translator, web::Lang::kNl));
  EXPECT_NE(nl.body.find("http://localhost:8080/melden/volgen"), std::string::npos);
  EXPECT_EQ(nl.body.find("{"), std::string::npos);
  EXPECT_NE(nl.subject, "New message about your report");  // translated
}

TEST(MailTexts, DatesAreDutchLocalDates) {
  auto date = [](long long t) { return DutchDate(t); };
  using std::chrono::day;
  using std::chrono::month;
  using std::chrono::year;
  EXPECT_EQ(date(1773271800), year(2026) / 3 / 12);   // 23:30 UTC in winter: 00:30 CET
  EXPECT_EQ(date(1774737000), year(2026) / 3 / 28);   // 22:30 UTC, the night before summer time
  EXPECT_EQ(date(1782945000), year(2026) / 7 / 2);    // 22:30 UTC in summer: 00:30 CEST
  EXPECT_EQ(date(1782943140), year(2026) / 7 / 1);    // 21:59 UTC in summer: 23:59 CEST
  EXPECT_EQ(date(1792881000), year(2026) / 10 / 25);  // 22:30 UTC, still summer time
  EXPECT_EQ(date(1792969140), year(2026) / 10 / 25);  // 22:59 UTC, winter time again
}

}  // namespace
}  // namespace meldpunt::mail
