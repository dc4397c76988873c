#pragma once
// The cases a list view showed, kept compactly in its one audit entry (issue 14): the ids in
// ascending order, the first in full and each next one as its difference from the one before,
// in decimal, separated by commas ("1204,3,1,27"). A page of 100 recent cases takes about 300
// characters instead of 100 entries. The text is part of the chained entry, so it cannot be
// changed unnoticed; the side table that finds listings per case is built from it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

// At most this many ids in one entry (a list page shows at most 100 cases; exports log otherwise).
inline constexpr size_t kMaxListedIds = 500;

// The ids, sorted and without repeats, encoded; "" for none. Ids that are not positive are left
// out, and only the first kMaxListedIds (the lowest) are kept.
std::string EncodeListedIds(std::vector<long long> ids);
// The ids back, ascending; nullopt when the text is not such an encoding.
std::optional<std::vector<long long>> DecodeListedIds(std::string_view text);

}  // namespace meldpunt
