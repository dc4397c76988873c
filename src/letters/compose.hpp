#pragma once
// From a template and its values to a letter ready to render: the template's texts are filled,
// and the letterhead, the address block and the date come from the values, so that an admin's
// template holds only what the bureau says.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "letters/letter.hpp"

namespace meldpunt::letters {

// values must hold bureau_name, other_party_name, other_party_address (lines separated by "\n";
// may be empty) and date, as they are to be printed (letter_date.hpp); the template may use any
// of kLetterPlaceholders and needs a value for each it uses. bureau_address: the letterhead's
// lines under the bureau's name. The error says what is missing or which template is wrong.
Result<LetterLayout> ComposeLetter(const LetterTemplate& letter,
                                   const std::map<std::string, std::string>& values,
                                   const std::vector<std::string>& bureau_address, Lang lang);

// Paragraphs are separated by one or more blank lines (or lines of spaces); single line breaks
// stay inside a paragraph. "\r\n" counts as "\n". Leading and trailing blank lines are dropped.
std::vector<std::string> SplitParagraphs(std::string_view text);
// The lines of a text, without the blank lines at either end.
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace meldpunt::letters
