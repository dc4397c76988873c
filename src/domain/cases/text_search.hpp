#pragma once
// Free-text search over decrypted fields (zoeken in vrije tekst): what staff type and what was
// stored are both folded the same way, so "Ozturk" finds "Öztürk" and "CAFÉ" finds "café".
// The database cannot do this on encrypted columns; the store decrypts a bounded candidate set
// and matches it here.
//
// Folding: ASCII letters to lower case; the Latin letters with diacritics of Latin-1 and Latin
// Extended-A (U+00C0-U+017F) to their base letters (æ to "ae", ß to "ss", ĳ to "ij"); combining
// diacritical marks (U+0300-U+036F) dropped, so decomposed text folds like composed text; runs
// of white space to one space, without leading or trailing space. Other characters (Greek,
// Cyrillic, Arabic, ...) are kept as they are: they match when typed exactly.
#include <string>
#include <string_view>

namespace meldpunt {

std::string FoldForSearch(std::string_view utf8);

// Whether `folded_text` contains `folded_term` (both folded with FoldForSearch). An empty term
// is found everywhere.
bool ContainsFolded(std::string_view folded_text, std::string_view folded_term);

}  // namespace meldpunt
