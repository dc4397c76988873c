#pragma once
// What the bureau does on a case (uitvoering), as typed events, and the rules that decide
// whether it may: the anonymity rules of the public form (AnonymousMayWish in
// classification.hpp), the reporter's recorded consent for anything that reaches a third party,
// and the step the case is in.
//
// Choices:
// - Consent (toestemming) is needed for a letter to the other party, mediation, support in a
//   complaint procedure and support with a police report: each tells a third party about the
//   reporter's report. Advice, a referral (telling the reporter where to go), a listening ear and
//   the bureau's own initiative share nothing of the reporter and need none.
// - Those four are carried out after the approach is agreed with the reporter (aanpak
//   afgesproken), so before that step they are refused with approach_not_agreed. The others may
//   happen in any open step: advice is often given in the first conversation.
// - Anonymous and about an incident: no letter and no mediation (anonymous_individual), as the
//   other party would have to answer someone it may not know. Anonymous and about a policy: a
//   letter stays possible, as AnonymousMayWish allows; it still needs consent, which an
//   anonymous reporter can give through the follow-up page. Mediation, complaint procedures and
//   police reports need the reporter's name in any scope (needs_name). Own initiative
//   (eigen actie) is always possible and is how the bureau acts on an anonymous policy report
//   without the reporter.
// - A scope other than "policy" counts as an incident: the stricter rule.
// - A case marked "own initiative" (own_initiative.hpp): the letter to the other party is the
//   bureau's own, about a general rule or an observation (signalering), not the reporter's
//   complaint. It needs no consent and anonymity does not stop it, as it tells the other party
//   nothing of the reporter; it still needs an open case. Mediation and the rest are unchanged:
//   they are about the reporter's own matter.
// - The order of the checks decides which reason staff see first: case_closed, then anonymity
//   (nothing staff can fix), then the step and consent (things staff can fix), then the target.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/case_protocol.hpp"
#include "domain/cases/refusal.hpp"

namespace meldpunt {

enum class ActionKind {
  kInformationAdvice,          // informatie en advies
  kReferral,                   // doorverwijzing
  kLetterToOtherParty,         // hoor en wederhoor: a letter to the other party
  kMediationSession,           // bemiddeling(sgesprek)
  kComplaintProcedureSupport,  // ondersteuning bij een klachtprocedure (needs a target)
  kPoliceReportSupport,        // ondersteuning bij aangifte
  kListeningEar,               // luisterend oor
  kOwnInitiative,              // eigen actie van het bureau
};
inline constexpr ActionKind kAllActionKinds[] = {
    ActionKind::kInformationAdvice,
    ActionKind::kReferral,
    ActionKind::kLetterToOtherParty,
    ActionKind::kMediationSession,
    ActionKind::kComplaintProcedureSupport,
    ActionKind::kPoliceReportSupport,
    ActionKind::kListeningEar,
    ActionKind::kOwnInitiative,
};

// information_advice, referral, letter_to_other_party, mediation_session,
// complaint_procedure_support, police_report_support, listening_ear, own_initiative.
std::string_view ActionCode(ActionKind kind);
std::optional<ActionKind> ParseAction(std::string_view code);

// Where a complaint procedure the bureau supports is held.
enum class ComplaintTarget {
  kCollegeRechtenMens,  // College voor de Rechten van de Mens
  kNationaleOmbudsman,  // Nationale ombudsman
  kInternalProcedure,   // the other party's own complaint procedure (interne klachtprocedure)
};
inline constexpr ComplaintTarget kAllComplaintTargets[] = {ComplaintTarget::kCollegeRechtenMens,
                                                           ComplaintTarget::kNationaleOmbudsman,
                                                           ComplaintTarget::kInternalProcedure};
// college_rechten_mens, nationale_ombudsman, internal_procedure.
std::string_view TargetCode(ComplaintTarget target);
std::optional<ComplaintTarget> ParseTarget(std::string_view code);

// One action as staff record it; who and when are the event's, stored beside it.
struct CaseAction {
  ActionKind kind;
  std::optional<ComplaintTarget> target = {};  // with kComplaintProcedureSupport only
};

// What the rules need to know about the case.
struct CaseFacts {
  bool anonymous = true;
  std::string scope = "incident";  // kScopes: "incident" or "policy"
  bool consent_recorded = false;   // the reporter's consent to involve a third party
  CaseStep step = CaseStep::kReceived;
  // The bureau acts on its own initiative (eigen initiatief, own_initiative.hpp): the reason
  // staff marked ("general_rule" or "observation"), empty when not marked.
  std::string own_initiative = {};
};

// Whether the action tells a third party about the reporter's report, and so needs consent.
bool NeedsConsent(ActionKind kind);

// Allowed, or why not: case_closed, anonymous_individual, needs_name, approach_not_agreed,
// consent_missing (see the choices above).
Verdict CheckAction(ActionKind kind, const CaseFacts& facts);
// The same, and the target: target_required for a complaint procedure without one,
// target_not_applicable for any other kind with one.
Verdict CheckAction(const CaseAction& action, const CaseFacts& facts);

// The kinds CheckAction allows now, in list order: the buttons a case page shows.
std::vector<ActionKind> AllowedActions(const CaseFacts& facts);

// The action that answers a reporter's wish (kWishes); nullopt for registration only and for
// anything not on the list.
std::optional<ActionKind> ActionForWish(std::string_view wish);

// The handling code (kHandlings) an action implies: letter_to_other_party is "intervention",
// information_advice is "advice", and so on.
std::string_view HandlingOf(ActionKind kind);

// The handling codes to suggest when closing a case on which these actions were done: each
// implied code once, in the order of kHandlings. When nothing was done: "registration_only" for a
// melding (registration was all it asked for), and nothing for a complaint (klacht), whose
// reporter asked for help: how it was handled is the handler's choice, never a default.
std::vector<std::string> SuggestHandlings(std::span<const ActionKind> done, bool complaint);

}  // namespace meldpunt
