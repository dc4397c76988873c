#include "web/cases/refusal_messages.hpp"

namespace meldpunt::web {

const char* RefusalMessage(Refusal refusal) {
  switch (refusal) {
    case Refusal::kSameStep:
      return N_("The case is in this step already.");
    case Refusal::kStepNotAllowed:
      return N_(
          "The protocol does not allow this step from the step the case is in. Choose one of the "
          "steps offered.");
    case Refusal::kCloseWithHandling:
      return N_("A case is closed with the closing form, with its handling codes and an outcome.");
    case Refusal::kArchived:
      return N_("This case is archived. An archived case cannot be changed.");
    case Refusal::kCaseClosed:
      return N_("This case is closed. Reopen it first.");
    case Refusal::kAnonymousIndividual:
      return N_(
          "The reporter is anonymous and the report is about an individual incident. A letter to "
          "the other party or mediation is not possible: the other party would have to answer "
          "someone it cannot know.");
    case Refusal::kNeedsName:
      return N_(
          "This needs the reporter's name, and the reporter is anonymous. Mediation, a complaint "
          "procedure and a police report are not possible anonymously.");
    case Refusal::kApproachNotAgreed:
      return N_(
          "First agree on the approach with the reporter: move the case to the step \"Approach "
          "agreed with the reporter\".");
    case Refusal::kConsentMissing:
      return N_(
          "The reporter's consent is not on record. Nothing is shared with another party without "
          "it: record the consent first.");
    case Refusal::kTargetRequired:
      return N_("Choose which complaint procedure the bureau supports.");
    case Refusal::kTargetNotApplicable:
      return N_(
          "A complaint procedure can only be chosen with the action \"Support in a complaint "
          "procedure\".");
    case Refusal::kHandlingRequired:
      return N_("Choose at least one handling code.");
    case Refusal::kUnknownHandling:
      return N_("Choose the handling codes from the list.");
    case Refusal::kDuplicateHandling:
      return N_("Choose each handling code only once.");
    case Refusal::kRegistrationOnlyAlone:
      return N_("\"Registration only\" cannot be combined with another handling code.");
    case Refusal::kOutcomeRequired:
      return N_("Choose an outcome.");
    case Refusal::kUnknownOutcome:
      return N_("Choose the outcome from the list.");
    case Refusal::kOutcomeContradictsHandling:
      return N_(
          "The outcome does not fit the handling: the outcome \"registration only\" needs the "
          "handling \"registration only\", and \"referred\" needs the handling \"referral\".");
  }
  return N_("This is not possible.");
}

std::string RefusalText(const AppContext& app, Lang lang, Refusal refusal) {
  return app.translator.Get(lang, RefusalMessage(refusal));
}

}  // namespace meldpunt::web
