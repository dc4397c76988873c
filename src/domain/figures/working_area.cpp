#include "domain/figures/working_area.hpp"

#include <algorithm>
#include <set>

#include "domain/figures/figures_area.hpp"

namespace meldpunt {

std::vector<std::string> WorkingAreaOf(long long bureau_id, const std::vector<ListedArea>& bureaus,
                                       const MunicipalityRegistry& registry) {
  auto own = std::find_if(bureaus.begin(), bureaus.end(),
                          [&](const ListedArea& bureau) { return bureau.bureau_id == bureau_id; });
  if (own == bureaus.end()) return {};
  std::vector<std::string> area = CurrentMunicipalitiesOf(own->municipalities, registry);
  auto first = std::min_element(
      bureaus.begin(), bureaus.end(),
      [](const ListedArea& a, const ListedArea& b) { return a.bureau_id < b.bureau_id; });
  if (first->bureau_id != bureau_id) return area;
  // The catch-all: every current municipality that no bureau lists.
  std::set<std::string> listed;
  for (const auto& bureau : bureaus) {
    for (auto& code : CurrentMunicipalitiesOf(bureau.municipalities, registry))
      listed.insert(std::move(code));
  }
  for (const auto& municipality : registry.Current()) {
    if (!listed.contains(municipality.code)) area.push_back(municipality.code);
  }
  std::sort(area.begin(), area.end());
  area.erase(std::unique(area.begin(), area.end()), area.end());
  return area;
}

bool AreaHolds(const std::vector<std::string>& area, std::string_view code) {
  return std::binary_search(area.begin(), area.end(), code,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

}  // namespace meldpunt
