#pragma once
// The working area (werkgebied) whose municipalities a bureau's staff see exact figures for: the
// municipalities the bureau lists (the Bureaus page, `meldpunt bureau area`), and for the first
// bureau (lowest id) also every current municipality that no bureau lists, because reports from
// there are routed to it (Store::AddBureau). The one definition of "the bureau's municipalities"
// for the staff figures page, the municipal report and the dashboard. No I/O.
#include <string>
#include <string_view>
#include <vector>

#include "domain/municipality.hpp"

namespace meldpunt {

// A bureau and the municipalities it lists, as stored (Store::ListBureaus).
struct ListedArea {
  long long bureau_id = 0;
  std::vector<std::string> municipalities;  // CBS codes
};

// The bureau's working area as today's municipalities (a listed code that has since merged
// stands for its successor; unknown codes are left out), sorted by code, each once. Empty for a
// bureau that is not in `bureaus`.
std::vector<std::string> WorkingAreaOf(long long bureau_id, const std::vector<ListedArea>& bureaus,
                                       const MunicipalityRegistry& registry);

// Whether `code` is in an area as WorkingAreaOf returns it (sorted).
bool AreaHolds(const std::vector<std::string>& area, std::string_view code);

}  // namespace meldpunt
