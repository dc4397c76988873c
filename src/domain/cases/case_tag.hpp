#pragma once
// Tags (labels) on cases: a bureau's own words to group its cases ("sportscholen", "wijk Noord",
// "verkiezingen 2027"), set by its administrator and put on cases by its handlers. A tag is not
// part of the national classification and is never counted in the figures; it only helps a
// bureau find and count its own work.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

// A tag's name is one short line; a bureau has at most this many tags, retired ones included
// (a retired tag still names the cases it was put on).
inline constexpr size_t kMaxTagNameChars = 40;
inline constexpr long long kMaxTagsPerBureau = 200;
// At most this many tags on one case: more would say nothing.
inline constexpr long long kMaxTagsPerCase = 20;

// Why a tag name cannot be used, or nullopt: "empty", "too_long" (more than kMaxTagNameChars
// characters), "not_text" (not one line of readable text).
std::optional<std::string_view> CheckTagName(std::string_view name);

// The name as compared for duplicates: trimmed, ASCII letters in lower case and runs of spaces
// as one, so "Sport" and " sport" are the same tag.
std::string TagNameKey(std::string_view name);

}  // namespace meldpunt
