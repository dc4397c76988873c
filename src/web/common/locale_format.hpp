#pragma once
// Dates and numbers as the reader's language writes them (issue 15), through ICU, the backend
// of Boost.Locale: "3 november 2026", "3 Kasım 2026", "3 listopada 2026" (the month in the case
// a date needs), "oktober 2026" (a month on its own), and counts with the language's grouping.
// Digits are Latin in every language (also Arabic): references, receipt codes and phone numbers
// on the same page are Latin, and one page should not mix two sets of digits.
#include <chrono>
#include <string>

#include "web/common/language_registry.hpp"

namespace meldpunt::web {

// Whether Boost.Locale was built with its ICU backend (checked by a unit test and at start).
bool IcuBackendAvailable();

// "3 november 2026": day, month name and year.
std::string FormatLongDate(Lang lang, std::chrono::year_month_day date);
// "3 november 2026 14:05": the same with hours and minutes as the language writes them.
std::string FormatLongDateTime(Lang lang, std::chrono::year_month_day date, int hour, int minute);
// "oktober 2026": a month on its own (nominative where the language has cases).
std::string FormatMonthYear(Lang lang, std::chrono::year_month_day date);
// "12.345" in Dutch, "12,345" in English, "12 345" in Polish.
std::string FormatCount(Lang lang, long long count);
// A number with one decimal from tenths: 123 is "12,3" in Dutch.
std::string FormatDecimalTenths(Lang lang, long long tenths);

}  // namespace meldpunt::web
