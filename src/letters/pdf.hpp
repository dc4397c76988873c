#pragma once
// A letter as an A4 PDF (cairo and pango): real, selectable and searchable text in DejaVu Sans,
// embedded as a subset, wrapped and hyphenated for the letter's language, with page numbers when
// the letter runs over more than one page. Texts are set as plain text, never as Pango markup.
#include <string>

#include "base/result.hpp"
#include "letters/letter.hpp"

namespace meldpunt::letters {

// The PDF's bytes, or an error: a field that CheckLetterLayout refuses, more than kMaxPages
// pages, the font DejaVu Sans not installed (Debian: fonts-dejavu-core), or cairo failing.
// Safe to call from any number of threads at once: every call has its own Pango font map,
// context and cairo surface; what they share underneath (fontconfig's configuration, cairo's and
// FreeType's font caches) is locked by those libraries.
Result<std::string> RenderLetterPdf(const LetterLayout& letter);

}  // namespace meldpunt::letters
