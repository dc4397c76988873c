#include "letters/letter_date.hpp"

namespace meldpunt::letters {
namespace {

// Dutch month names are written without a capital.
constexpr const char* kDutchMonths[] = {"januari",   "februari", "maart",    "april",
                                        "mei",       "juni",     "juli",     "augustus",
                                        "september", "oktober",  "november", "december"};
constexpr const char* kEnglishMonths[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

}  // namespace

std::string FormatLetterDate(Date date, Lang lang) {
  if (!date.ok()) return {};
  unsigned month = static_cast<unsigned>(date.month()) - 1;
  const char* name = lang == Lang::kNl ? kDutchMonths[month] : kEnglishMonths[month];
  return std::to_string(static_cast<unsigned>(date.day())) + " " + name + " " +
         std::to_string(static_cast<int>(date.year()));
}

}  // namespace meldpunt::letters
