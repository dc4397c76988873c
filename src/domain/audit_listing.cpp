#include "domain/audit_listing.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace meldpunt {

std::string EncodeListedIds(std::vector<long long> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::erase_if(ids, [](long long id) { return id <= 0; });
  if (ids.size() > kMaxListedIds) ids.resize(kMaxListedIds);
  std::string out;
  long long previous = 0;
  for (long long id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id - previous);
    previous = id;
  }
  return out;
}

std::optional<std::vector<long long>> DecodeListedIds(std::string_view text) {
  std::vector<long long> ids;
  if (text.empty()) return ids;
  long long current = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(pos, end - pos);
    long long step = 0;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), step);
    if (part.empty() || ec != std::errc() || ptr != part.data() + part.size() || step <= 0 ||
        current > std::numeric_limits<long long>::max() - step || ids.size() >= kMaxListedIds) {
      return std::nullopt;
    }
    current += step;
    ids.push_back(current);
    pos = end + 1;
  }
  return ids;
}

}  // namespace meldpunt
