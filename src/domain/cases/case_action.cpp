#include "domain/cases/case_action.hpp"

#include <algorithm>

#include "domain/cases/handling.hpp"

namespace meldpunt {

std::string_view ActionCode(ActionKind kind) {
  switch (kind) {
    case ActionKind::kInformationAdvice:
      return "information_advice";
    case ActionKind::kReferral:
      return "referral";
    case ActionKind::kLetterToOtherParty:
      return "letter_to_other_party";
    case ActionKind::kMediationSession:
      return "mediation_session";
    case ActionKind::kComplaintProcedureSupport:
      return "complaint_procedure_support";
    case ActionKind::kPoliceReportSupport:
      return "police_report_support";
    case ActionKind::kListeningEar:
      return "listening_ear";
    case ActionKind::kOwnInitiative:
      return "own_initiative";
  }
  return "information_advice";
}

std::optional<ActionKind> ParseAction(std::string_view code) {
  for (ActionKind kind : kAllActionKinds) {
    if (ActionCode(kind) == code) return kind;
  }
  return std::nullopt;
}

std::string_view TargetCode(ComplaintTarget target) {
  switch (target) {
    case ComplaintTarget::kCollegeRechtenMens:
      return "college_rechten_mens";
    case ComplaintTarget::kNationaleOmbudsman:
      return "nationale_ombudsman";
    case ComplaintTarget::kInternalProcedure:
      return "internal_procedure";
  }
  return "internal_procedure";
}

std::optional<ComplaintTarget> ParseTarget(std::string_view code) {
  for (ComplaintTarget target : kAllComplaintTargets) {
    if (TargetCode(target) == code) return target;
  }
  return std::nullopt;
}

bool NeedsConsent(ActionKind kind) {
  switch (kind) {
    case ActionKind::kLetterToOtherParty:
    case ActionKind::kMediationSession:
    case ActionKind::kComplaintProcedureSupport:
    case ActionKind::kPoliceReportSupport:
      return true;
    case ActionKind::kInformationAdvice:
    case ActionKind::kReferral:
    case ActionKind::kListeningEar:
    case ActionKind::kOwnInitiative:
      return false;
  }
  return true;
}

namespace {

// The anonymity rules; the same answers as AnonymousMayWish for the wishes.
std::optional<Refusal> AnonymityRefusal(ActionKind kind, const CaseFacts& facts) {
  if (!facts.anonymous) return std::nullopt;
  bool policy = facts.scope == "policy";
  switch (kind) {
    case ActionKind::kLetterToOtherParty:
      if (!policy) return Refusal::kAnonymousIndividual;
      return std::nullopt;
    case ActionKind::kMediationSession:
      return policy ? Refusal::kNeedsName : Refusal::kAnonymousIndividual;
    case ActionKind::kComplaintProcedureSupport:
    case ActionKind::kPoliceReportSupport:
      return Refusal::kNeedsName;
    case ActionKind::kInformationAdvice:
    case ActionKind::kReferral:
    case ActionKind::kListeningEar:
    case ActionKind::kOwnInitiative:
      return std::nullopt;
  }
  return std::nullopt;
}

// Steps at or after the agreed approach, while the case is open.
bool ApproachAgreed(CaseStep step) {
  return step == CaseStep::kApproachAgreed || step == CaseStep::kActions ||
         step == CaseStep::kEvaluation;
}

}  // namespace

Verdict CheckAction(ActionKind kind, const CaseFacts& facts) {
  if (!IsOpen(facts.step)) return Refusal::kCaseClosed;
  // The bureau's own letter on a case marked own initiative (see the choices in the header).
  if (kind == ActionKind::kLetterToOtherParty && !facts.own_initiative.empty()) {
    return Verdict::Allowed();
  }
  if (auto refusal = AnonymityRefusal(kind, facts)) return *refusal;
  if (NeedsConsent(kind)) {
    if (!ApproachAgreed(facts.step)) return Refusal::kApproachNotAgreed;
    if (!facts.consent_recorded) return Refusal::kConsentMissing;
  }
  return Verdict::Allowed();
}

Verdict CheckAction(const CaseAction& action, const CaseFacts& facts) {
  if (Verdict verdict = CheckAction(action.kind, facts); !verdict) return verdict;
  bool wants_target = action.kind == ActionKind::kComplaintProcedureSupport;
  if (wants_target && !action.target) return Refusal::kTargetRequired;
  if (!wants_target && action.target) return Refusal::kTargetNotApplicable;
  return Verdict::Allowed();
}

std::vector<ActionKind> AllowedActions(const CaseFacts& facts) {
  std::vector<ActionKind> kinds;
  for (ActionKind kind : kAllActionKinds) {
    if (CheckAction(kind, facts)) kinds.push_back(kind);
  }
  return kinds;
}

std::optional<ActionKind> ActionForWish(std::string_view wish) {
  if (wish == "advice") return ActionKind::kInformationAdvice;
  if (wish == "letter") return ActionKind::kLetterToOtherParty;
  if (wish == "mediation") return ActionKind::kMediationSession;
  if (wish == "complaint_procedure") return ActionKind::kComplaintProcedureSupport;
  if (wish == "police_report") return ActionKind::kPoliceReportSupport;
  if (wish == "listening_ear") return ActionKind::kListeningEar;
  return std::nullopt;
}

std::string_view HandlingOf(ActionKind kind) {
  switch (kind) {
    case ActionKind::kInformationAdvice:
      return "advice";
    case ActionKind::kReferral:
      return "referral";
    case ActionKind::kLetterToOtherParty:
      return "intervention";
    case ActionKind::kMediationSession:
      return "mediation";
    case ActionKind::kComplaintProcedureSupport:
      return "complaint_procedure";
    case ActionKind::kPoliceReportSupport:
      return "police_report";
    case ActionKind::kListeningEar:
      return "listening_ear";
    case ActionKind::kOwnInitiative:
      return "own_initiative";
  }
  return "other";
}

std::vector<std::string> SuggestHandlings(std::span<const ActionKind> done, bool complaint) {
  std::vector<std::string> codes;
  for (std::string_view handling : kHandlings) {
    bool implied = std::any_of(done.begin(), done.end(),
                               [&](ActionKind kind) { return HandlingOf(kind) == handling; });
    if (implied) codes.emplace_back(handling);
  }
  if (codes.empty() && !complaint) codes.emplace_back(kHandlingRegistrationOnly);
  return codes;
}

}  // namespace meldpunt
