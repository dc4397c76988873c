#include "domain/figures/counting.hpp"

#include <algorithm>

namespace meldpunt {

std::string_view ParentGround(std::string_view code) { return code.substr(0, code.find('.')); }

bool IsSubGround(std::string_view code) { return code.find('.') != std::string_view::npos; }

std::vector<std::string> GroundRowsOf(const std::vector<std::string>& grounds) {
  std::vector<std::string> rows;
  rows.reserve(grounds.size() + 1);
  auto add = [&](std::string_view code) {
    if (code.empty()) return;
    if (std::find(rows.begin(), rows.end(), code) == rows.end()) rows.emplace_back(code);
  };
  for (const auto& ground : grounds) {
    if (IsSubGround(ground)) add(ParentGround(ground));
    add(ground);
  }
  return rows;
}

std::vector<std::string> OrderGroundRows(const std::vector<std::string>& codes) {
  auto has = [](const std::vector<std::string>& list, std::string_view code) {
    return std::find(list.begin(), list.end(), code) != list.end();
  };
  std::vector<std::string> rows;
  rows.reserve(codes.size());
  std::vector<std::string> later;  // sub-grounds placed under their parent below
  for (const auto& code : codes) {
    if (IsSubGround(code) && has(codes, ParentGround(code))) {
      later.push_back(code);
    } else {
      rows.push_back(code);
    }
  }
  for (const auto& code : later) {
    std::string_view parent = ParentGround(code);
    auto at = std::find(rows.begin(), rows.end(), parent);
    while (at != rows.end() && ParentGround(*at) == parent) ++at;
    rows.insert(at, code);
  }
  return rows;
}

std::string TodayCode(const MunicipalityRegistry& registry, const std::string& code) {
  const Municipality* today = registry.Successor(code);
  return today ? today->code : code;
}

}  // namespace meldpunt
