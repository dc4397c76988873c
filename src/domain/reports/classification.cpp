#include "domain/reports/classification.hpp"

#include <algorithm>

namespace meldpunt {

bool IsCode(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool AnonymousMayWish(std::string_view wish, std::string_view scope) {
  if (wish == "mediation" || wish == "complaint_procedure" || wish == "police_report") {
    return false;
  }
  if (wish == "letter") return scope == "policy";
  return true;
}

bool IsComplaint(const std::vector<std::string>& wishes) {
  return std::any_of(wishes.begin(), wishes.end(),
                     [](const std::string& w) { return w != kWishRegistrationOnly; });
}

}  // namespace meldpunt
