#include "domain/cases/handling.hpp"

#include <algorithm>

#include "domain/reports/classification.hpp"

namespace meldpunt {

Verdict CheckClose(const std::vector<std::string>& handlings, std::string_view outcome,
                   const std::vector<std::string>& added_handlings) {
  if (handlings.empty()) return Refusal::kHandlingRequired;
  auto known = [&](const std::string& code) {
    return IsCode(kHandlings, code) ||
           std::find(added_handlings.begin(), added_handlings.end(), code) != added_handlings.end();
  };
  for (size_t i = 0; i < handlings.size(); ++i) {
    if (!known(handlings[i])) return Refusal::kUnknownHandling;
    if (std::find(handlings.begin(), handlings.begin() + i, handlings[i]) !=
        handlings.begin() + i) {
      return Refusal::kDuplicateHandling;
    }
  }
  auto has = [&](std::string_view code) {
    return std::find(handlings.begin(), handlings.end(), code) != handlings.end();
  };
  if (has(kHandlingRegistrationOnly) && handlings.size() > 1) {
    return Refusal::kRegistrationOnlyAlone;
  }
  if (outcome.empty()) return Refusal::kOutcomeRequired;
  if (!IsCode(kOutcomes, outcome)) return Refusal::kUnknownOutcome;
  if (outcome == kOutcomeRegistrationOnly && !has(kHandlingRegistrationOnly)) {
    return Refusal::kOutcomeContradictsHandling;
  }
  if (outcome == kOutcomeReferred && !has(kHandlingReferral)) {
    return Refusal::kOutcomeContradictsHandling;
  }
  return Verdict::Allowed();
}

}  // namespace meldpunt
