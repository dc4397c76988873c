#include "domain/cases/refusal.hpp"

namespace meldpunt {

std::string_view RefusalCode(Refusal refusal) {
  switch (refusal) {
    case Refusal::kSameStep:
      return "same_step";
    case Refusal::kStepNotAllowed:
      return "step_not_allowed";
    case Refusal::kCloseWithHandling:
      return "close_with_handling";
    case Refusal::kArchived:
      return "archived";
    case Refusal::kCaseClosed:
      return "case_closed";
    case Refusal::kAnonymousIndividual:
      return "anonymous_individual";
    case Refusal::kNeedsName:
      return "needs_name";
    case Refusal::kApproachNotAgreed:
      return "approach_not_agreed";
    case Refusal::kConsentMissing:
      return "consent_missing";
    case Refusal::kTargetRequired:
      return "target_required";
    case Refusal::kTargetNotApplicable:
      return "target_not_applicable";
    case Refusal::kHandlingRequired:
      return "handling_required";
    case Refusal::kUnknownHandling:
      return "unknown_handling";
    case Refusal::kDuplicateHandling:
      return "duplicate_handling";
    case Refusal::kRegistrationOnlyAlone:
      return "registration_only_alone";
    case Refusal::kOutcomeRequired:
      return "outcome_required";
    case Refusal::kUnknownOutcome:
      return "unknown_outcome";
    case Refusal::kOutcomeContradictsHandling:
      return "outcome_contradicts_handling";
  }
  return "step_not_allowed";
}

std::optional<Refusal> ParseRefusal(std::string_view code) {
  for (Refusal refusal : kAllRefusals) {
    if (RefusalCode(refusal) == code) return refusal;
  }
  return std::nullopt;
}

}  // namespace meldpunt
