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
// of kLetterPlaceholders and needs a value for each it uses. A non-empty other_party_attention
// (a contact person) becomes the attention line under the name (AttentionLine). bureau_address:
// the letterhead's lines under the bureau's name. The error says what is missing or which
// template is wrong.
Result<LetterLayout> ComposeLetter(const LetterTemplate& letter,
                                   const std::map<std::string, std::string>& values,
                                   const std::vector<std::string>& bureau_address, Lang lang);

// How the other party reaches the bureau, as far as the letterhead says (all fields may be empty).
struct BureauContact {
  std::vector<std::string> address_lines;
  std::string phone;
  std::string email;
};

// One or two whole sentences that tell the other party how to reach the bureau, made from what is
// known, so that a template can ask them to get in touch without leaving a gap: "U kunt ons
// bereiken op telefoonnummer 030 123 45 67 of per e-mail via info@example.nl. Ons postadres is
// Postbus 1, 3500 AA Utrecht." With nothing known, that a written reply to the letter is
// welcome (the letter page warns the handler that the letterhead lacks a telephone number).
std::string BureauContactSentence(const BureauContact& contact, Lang lang);
// The address lines on one line, separated by ", ".
std::string JoinAddress(const std::vector<std::string>& lines);

// "t.a.v. Jan Jansen" in Dutch, "Attn. Jan Jansen" in English.
std::string AttentionLine(std::string_view person, Lang lang);

// Paragraphs are separated by one or more blank lines (or lines of spaces); single line breaks
// stay inside a paragraph. "\r\n" counts as "\n". Leading and trailing blank lines are dropped.
std::vector<std::string> SplitParagraphs(std::string_view text);
// The lines of a text, without the blank lines at either end.
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace meldpunt::letters
