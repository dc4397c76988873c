#include "web/common/locale_format.hpp"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <boost/locale/localization_backend.hpp>
#include <map>
#include <memory>
#include <stdexcept>

namespace meldpunt::web {
namespace {

icu::Locale IcuLocale(Lang lang) {
  // The site's English is British ("3 November 2026", "anonymised"); ICU's plain "en" is American.
  const std::string& code = Languages().Info(lang).code;
  std::string name = (code == "en" ? std::string("en_GB") : code) + "@numbers=latn";
  return icu::Locale::createFromName(name.c_str());
}

// ICU formatters are not safe to share between threads; each worker keeps its own, per language
// and pattern, made on first use (a few per language).
using DateFormats = std::map<std::pair<size_t, std::string>, std::unique_ptr<icu::DateFormat>>;

icu::DateFormat& DateFormatFor(Lang lang, const char* skeleton) {
  thread_local DateFormats formats;
  auto& slot = formats[{lang.index(), skeleton}];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = IcuLocale(lang);
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(locale, status));
    icu::UnicodeString pattern =
        U_SUCCESS(status) ? generator->getBestPattern(icu::UnicodeString(skeleton), status)
                          : icu::UnicodeString();
    auto format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    if (U_FAILURE(status)) throw std::runtime_error("no date format for " + std::string(skeleton));
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    slot = std::move(format);
  }
  return *slot;
}

icu::NumberFormat& NumberFormatFor(Lang lang) {
  thread_local std::map<size_t, std::unique_ptr<icu::NumberFormat>> formats;
  auto& slot = formats[lang.index()];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::NumberFormat::createInstance(IcuLocale(lang), status));
    if (U_FAILURE(status)) throw std::runtime_error("no number format");
  }
  return *slot;
}

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

UDate UtcMillis(std::chrono::year_month_day date, int hour, int minute) {
  auto days = std::chrono::sys_days(date).time_since_epoch().count();
  return (static_cast<double>(days) * 86400.0 + hour * 3600.0 + minute * 60.0) * 1000.0;
}

std::string Format(Lang lang, const char* skeleton, UDate when) {
  icu::UnicodeString text;
  DateFormatFor(lang, skeleton).format(when, text);
  return Utf8(text);
}

}  // namespace

bool IcuBackendAvailable() {
  auto backends = boost::locale::localization_backend_manager::global().get_all_backends();
  return std::find(backends.begin(), backends.end(), "icu") != backends.end();
}

std::string FormatLongDate(Lang lang, std::chrono::year_month_day date) {
  return Format(lang, "dMMMMy", UtcMillis(date, 12, 0));
}

std::string FormatLongDateTime(Lang lang, std::chrono::year_month_day date, int hour, int minute) {
  return Format(lang, "dMMMMyHHmm", UtcMillis(date, hour, minute));
}

std::string FormatMonthYear(Lang lang, std::chrono::year_month_day date) {
  return Format(lang, "MMMMy", UtcMillis(date, 12, 0));
}

std::string FormatCount(Lang lang, long long count) {
  icu::UnicodeString text;
  NumberFormatFor(lang).format(static_cast<int64_t>(count), text);
  return Utf8(text);
}

std::string FormatDecimalTenths(Lang lang, long long tenths) {
  thread_local std::map<size_t, std::unique_ptr<icu::NumberFormat>> formats;
  auto& slot = formats[lang.index()];
  if (!slot) {
    slot.reset(NumberFormatFor(lang).clone());
    slot->setMinimumFractionDigits(1);
    slot->setMaximumFractionDigits(1);
  }
  icu::UnicodeString text;
  slot->format(static_cast<double>(tenths) / 10.0, text);
  return Utf8(text);
}

}  // namespace meldpunt::web
