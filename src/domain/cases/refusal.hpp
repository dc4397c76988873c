#pragma once
// Why a rule of case handling says no. The codes are stable: the event log stores them and the
// web layer looks them up in its catalogs to show the reason to staff, so that a refused action
// (a letter about an anonymous incident, a mediation without consent) always says why.
#include <optional>
#include <string_view>

namespace meldpunt {

enum class Refusal {
  // Moving a case between steps (case_protocol.hpp).
  kSameStep,           // the case is in that step already
  kStepNotAllowed,     // the table has no such transition
  kCloseWithHandling,  // a case closes only through closing, with handling codes and an outcome
  kArchived,           // an archived case is final (gearchiveerd)
  // Actions (case_action.hpp).
  kCaseClosed,           // nothing is done on a closed or archived case
  kAnonymousIndividual,  // letter or mediation about an incident reported anonymously
  kNeedsName,            // mediation, complaint procedure or police report need the reporter's name
  kApproachNotAgreed,    // an action towards a third party before the approach was agreed
  kConsentMissing,       // nothing is shared with a third party without recorded consent
  kTargetRequired,       // support in a complaint procedure names the procedure
  kTargetNotApplicable,  // a target given for an action that has none
  // Closing (handling.hpp).
  kHandlingRequired,            // at least one handling code (afhandeling)
  kUnknownHandling,             // not on the list
  kDuplicateHandling,           // the same code twice
  kRegistrationOnlyAlone,       // "registration only" together with another handling
  kOutcomeRequired,             // no outcome given
  kUnknownOutcome,              // not on the list
  kOutcomeContradictsHandling,  // e.g. outcome "referred" without the handling "referral"
};

inline constexpr Refusal kAllRefusals[] = {
    Refusal::kSameStep,        Refusal::kStepNotAllowed,      Refusal::kCloseWithHandling,
    Refusal::kArchived,        Refusal::kCaseClosed,          Refusal::kAnonymousIndividual,
    Refusal::kNeedsName,       Refusal::kApproachNotAgreed,   Refusal::kConsentMissing,
    Refusal::kTargetRequired,  Refusal::kTargetNotApplicable, Refusal::kHandlingRequired,
    Refusal::kUnknownHandling, Refusal::kDuplicateHandling,   Refusal::kRegistrationOnlyAlone,
    Refusal::kOutcomeRequired, Refusal::kUnknownOutcome,      Refusal::kOutcomeContradictsHandling,
};

// "same_step", "anonymous_individual", "consent_missing", ...
std::string_view RefusalCode(Refusal refusal);
std::optional<Refusal> ParseRefusal(std::string_view code);

// The answer of every Check* rule in case handling: allowed, or refused with its reason. Like
// Result, it converts to true when the answer is yes.
class [[nodiscard]] Verdict {
 public:
  static Verdict Allowed() { return Verdict(); }
  Verdict(Refusal refusal) : refusal_(refusal) {}

  bool ok() const { return !refusal_; }
  explicit operator bool() const { return ok(); }
  // Only when !ok().
  Refusal refusal() const { return *refusal_; }
  // The refusal's code, or "" when allowed.
  std::string_view code() const { return refusal_ ? RefusalCode(*refusal_) : std::string_view(); }

  friend bool operator==(const Verdict&, const Verdict&) = default;

 private:
  Verdict() = default;
  std::optional<Refusal> refusal_;
};

}  // namespace meldpunt
