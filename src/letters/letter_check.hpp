#pragma once
// Whether a letter may be rendered: valid UTF-8 without control characters (line breaks and tabs
// only in the body and the signature), and every limit of letter.hpp but the page count, which
// only the layout knows.
#include <optional>
#include <string>

#include "letters/letter.hpp"

namespace meldpunt::letters {

// The first problem, naming the field and the limit (never the text), or nullopt.
std::optional<std::string> CheckLetterLayout(const LetterLayout& letter);

}  // namespace meldpunt::letters
