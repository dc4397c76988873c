#include "web/letter_refusal.hpp"

#include "web/i18n.hpp"

namespace meldpunt::web {

const char* LetterRefusalMsgid(Refusal refusal) {
  switch (refusal) {
    case Refusal::kCaseClosed:
      return N_(
          "The case is closed: nothing more is done on it. Reopen it first when there is "
          "new work.");
    case Refusal::kAnonymousIndividual:
      return N_(
          "The reporter is anonymous and the report is about an incident. The other party "
          "would have to answer someone it may not know, so no letter is sent.");
    case Refusal::kApproachNotAgreed:
      return N_(
          "The approach has not been agreed with the reporter yet. Record that step on the "
          "case first.");
    case Refusal::kConsentMissing:
      return N_(
          "The reporter's consent to involve the other party is not on record. Nothing is "
          "shared with the other party without it.");
    case Refusal::kNeedsName:
      return N_("This needs the reporter's name, and the report is anonymous.");
    default:
      return N_("This is not possible in the case's present step.");
  }
}

}  // namespace meldpunt::web
