#pragma once
// The letter a bureau starts from, until its admin writes its own: polite and neutral. It says a
// report came in and what it is about, that the bureau hears both sides and has formed no
// opinion, and asks for the other party's view by a date. It holds nothing of the reporter: no
// name, no contact details, only the summary the handler writes for this letter.
#include "letters/letter.hpp"

namespace meldpunt::letters {

LetterTemplate DefaultLetterTemplate(Lang lang);

}  // namespace meldpunt::letters
