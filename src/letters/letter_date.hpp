#pragma once
// The date as a letter writes it: "3 maart 2026", "3 March 2026".
#include <string>

#include "domain/date.hpp"
#include "letters/letter.hpp"

namespace meldpunt::letters {

std::string FormatLetterDate(Date date, Lang lang);

}  // namespace meldpunt::letters
