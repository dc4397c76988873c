#pragma once
// Text helpers every layer may use: trimming, checking that text is storable UTF-8, and the
// coarse shape checks of an e-mail address and a phone number.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

// Without leading and trailing spaces, tabs and line breaks.
std::string Trim(std::string_view text);
// Well-formed UTF-8 without control characters (tab allowed; line breaks when allow_newlines).
bool IsValidUtf8Text(std::string_view text, bool allow_newlines);
// Characters (code points) in well-formed UTF-8.
size_t CountCodePoints(std::string_view utf8);
// One "@" with something before it and a dotted domain after it, no spaces or brackets.
bool LooksLikeEmail(std::string_view email);
// A positive whole number written in decimal digits only, at most 18 of them (an id in a path or a
// form field), or nothing.
std::optional<long long> ParseId(std::string_view text);
// 6 to 20 digits, with spaces, "+", "-" and brackets allowed between them.
bool LooksLikePhone(std::string_view phone);

}  // namespace meldpunt
