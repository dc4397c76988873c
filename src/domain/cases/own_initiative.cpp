#include "domain/cases/own_initiative.hpp"

#include <algorithm>

namespace meldpunt {

bool IsOwnInitiativeReason(std::string_view code) {
  return std::find(kOwnInitiativeReasons.begin(), kOwnInitiativeReasons.end(), code) !=
         kOwnInitiativeReasons.end();
}

std::string CurrentOwnInitiative(const std::vector<std::string>& codes) {
  if (codes.empty() || !IsOwnInitiativeReason(codes.back())) return "";
  return codes.back();
}

}  // namespace meldpunt
