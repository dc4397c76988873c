// Dates and numbers in each language of the site (issue 15), through ICU.
#include "web/common/locale_format.hpp"

#include <gtest/gtest.h>

#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

using namespace std::chrono;

class LocaleFormat : public ::testing::Test {
 protected:
  Translator translator_{MELDPUNT_LOCALE_DIR};  // installs the catalogs' languages
  Lang Of(const char* code) { return *Languages().Find(code); }
  static constexpr year_month_day kNovember3 = 2026y / November / 3;
  static constexpr year_month_day kOctober = 2026y / October / 1;
};

TEST_F(LocaleFormat, BoostLocaleHasItsIcuBackend) { EXPECT_TRUE(IcuBackendAvailable()); }

TEST_F(LocaleFormat, LongDatesInEveryLanguage) {
  EXPECT_EQ(FormatLongDate(Lang::kNl, kNovember3), "3 november 2026");
  EXPECT_EQ(FormatLongDate(Lang::kEn, kNovember3), "3 November 2026");
  EXPECT_EQ(FormatLongDate(Of("tr"), kNovember3), "3 Kasım 2026");
  // The month in the genitive, as a date needs it.
  EXPECT_EQ(FormatLongDate(Of("pl"), kNovember3), "3 listopada 2026");
  // Ukrainian adds "р." (year) after a narrow no-break space.
  EXPECT_TRUE(FormatLongDate(Of("uk"), kNovember3).starts_with("3 листопада 2026"));
  // Arabic month name, Latin digits.
  std::string arabic = FormatLongDate(Of("ar"), kNovember3);
  EXPECT_NE(arabic.find("نوفمبر"), std::string::npos) << arabic;
  EXPECT_NE(arabic.find("2026"), std::string::npos) << arabic;
  EXPECT_EQ(arabic.find("٢"), std::string::npos) << arabic;
}

TEST_F(LocaleFormat, AMonthOnItsOwnIsNominative) {
  EXPECT_EQ(FormatMonthYear(Lang::kNl, kOctober), "oktober 2026");
  EXPECT_EQ(FormatMonthYear(Lang::kEn, kOctober), "October 2026");
  EXPECT_EQ(FormatMonthYear(Of("tr"), kOctober), "Ekim 2026");
  EXPECT_EQ(FormatMonthYear(Of("pl"), kOctober), "październik 2026");
  EXPECT_TRUE(FormatMonthYear(Of("uk"), kOctober).starts_with("жовтень 2026"));
  EXPECT_NE(FormatMonthYear(Of("ar"), kOctober).find("أكتوبر"), std::string::npos);
}

TEST_F(LocaleFormat, DateAndTime) {
  EXPECT_EQ(FormatLongDateTime(Lang::kNl, kNovember3, 14, 5), "3 november 2026 om 14:05");
}

TEST_F(LocaleFormat, CountsWithTheLanguagesGrouping) {
  EXPECT_EQ(FormatCount(Lang::kNl, 1234567), "1.234.567");
  EXPECT_EQ(FormatCount(Lang::kEn, 1234567), "1,234,567");
  EXPECT_EQ(FormatCount(Of("tr"), 12345), "12.345");
  EXPECT_EQ(FormatCount(Of("pl"), 12345), "12\u00a0345");
  EXPECT_EQ(FormatCount(Of("uk"), 12345), "12\u00a0345");
  EXPECT_EQ(FormatCount(Of("ar"), 12345), "12,345");
  EXPECT_EQ(FormatCount(Lang::kNl, 4), "4");
  EXPECT_EQ(FormatDecimalTenths(Lang::kNl, 123), "12,3");
  EXPECT_EQ(FormatDecimalTenths(Lang::kEn, 5), "0.5");
}

}  // namespace
}  // namespace meldpunt::web
