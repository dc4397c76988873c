#pragma once
// The steps of handling a complaint (klacht) and the moves between them. Published protocols of
// the anti-discrimination agencies run: report received, first analysis, intake conversation,
// investigation, approach chosen with the reporter, carried out, evaluation, registration,
// archived. Only a complaint gets a case; a report that asks for registration only has none.
//
// Choices, so that staff and the code agree on them:
// - Forward one step at a time, in the order of the list.
// - Two skips: first analysis to investigation, when there can be no intake conversation (an
//   anonymous reporter, or the bureau's own initiative on a policy), and intake to approach
//   agreed, when there is nothing to investigate (advice, a listening ear, a referral agreed in
//   the conversation itself).
// - Back one step, to correct a step set too early: intake to first analysis, investigation to
//   intake, approach agreed to investigation, actions to approach agreed, evaluation to actions
//   (the evaluation shows more must be done). Never back to received: that is a fact, not work.
// - Closed is reached from any open step, but only through closing (see handling.hpp), which
//   records the handling codes (afhandeling) and an outcome: the "registration" step of the
//   protocols. First analysis to closed is how a complaint ends as registration only.
//   CheckTransition refuses every move to closed so that no caller can close without codes.
// - Closed to evaluation reopens a case (heropenen), e.g. when the other party answers late or
//   the reporter comes back about the same matter. The earlier closing stays in the case's
//   history; the case is closed again, with codes, when the new work is done.
// - Closed to archived; archived is final: retention and anonymisation act on it from there.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/cases/refusal.hpp"

namespace meldpunt {

enum class CaseStep {
  kReceived,        // ontvangen
  kFirstAnalysis,   // eerste analyse
  kIntake,          // intakegesprek
  kInvestigation,   // onderzoek
  kApproachAgreed,  // aanpak afgesproken (with the reporter)
  kActions,         // uitvoering
  kEvaluation,      // evaluatie
  kClosed,          // afgesloten (with handling codes and an outcome)
  kArchived,        // gearchiveerd
};
inline constexpr CaseStep kAllSteps[] = {
    CaseStep::kReceived,      CaseStep::kFirstAnalysis,  CaseStep::kIntake,
    CaseStep::kInvestigation, CaseStep::kApproachAgreed, CaseStep::kActions,
    CaseStep::kEvaluation,    CaseStep::kClosed,         CaseStep::kArchived,
};

// The stored value: received, first_analysis, intake, investigation, approach_agreed, actions,
// evaluation, closed, archived.
std::string_view StepCode(CaseStep step);
std::optional<CaseStep> ParseStep(std::string_view code);

// Every step before closed: work can still be done on the case.
bool IsOpen(CaseStep step);

enum class TransitionKind {
  kForward,  // the next step
  kSkip,     // over a step that does not apply
  kBack,     // one step back, to correct
  kReopen,   // closed to evaluation (heropenen)
  kArchive,  // closed to archived
};
// forward, skip, back, reopen, archive: recorded with the step event.
std::string_view TransitionKindCode(TransitionKind kind);

struct Transition {
  CaseStep from;
  CaseStep to;
  TransitionKind kind;
};

// Every move CheckTransition allows. Closing is not here: it has its own operation.
inline constexpr Transition kTransitions[] = {
    {CaseStep::kReceived, CaseStep::kFirstAnalysis, TransitionKind::kForward},
    {CaseStep::kFirstAnalysis, CaseStep::kIntake, TransitionKind::kForward},
    {CaseStep::kIntake, CaseStep::kInvestigation, TransitionKind::kForward},
    {CaseStep::kInvestigation, CaseStep::kApproachAgreed, TransitionKind::kForward},
    {CaseStep::kApproachAgreed, CaseStep::kActions, TransitionKind::kForward},
    {CaseStep::kActions, CaseStep::kEvaluation, TransitionKind::kForward},
    {CaseStep::kFirstAnalysis, CaseStep::kInvestigation, TransitionKind::kSkip},
    {CaseStep::kIntake, CaseStep::kApproachAgreed, TransitionKind::kSkip},
    {CaseStep::kIntake, CaseStep::kFirstAnalysis, TransitionKind::kBack},
    {CaseStep::kInvestigation, CaseStep::kIntake, TransitionKind::kBack},
    {CaseStep::kApproachAgreed, CaseStep::kInvestigation, TransitionKind::kBack},
    {CaseStep::kActions, CaseStep::kApproachAgreed, TransitionKind::kBack},
    {CaseStep::kEvaluation, CaseStep::kActions, TransitionKind::kBack},
    {CaseStep::kClosed, CaseStep::kEvaluation, TransitionKind::kReopen},
    {CaseStep::kClosed, CaseStep::kArchived, TransitionKind::kArchive},
};

// The table's entry for this move, if any.
std::optional<Transition> FindTransition(CaseStep from, CaseStep to);

// Allowed, or why not: same_step, archived (nothing leaves it), close_with_handling (any move to
// closed, which only closing may make), step_not_allowed (everything else not in the table).
Verdict CheckTransition(CaseStep from, CaseStep to);

// The steps CheckTransition allows from here, in the order of the steps: the choices a case
// page offers next to "close".
std::vector<CaseStep> NextSteps(CaseStep from);

// Combined step changes (issue 14): the moves from `from` to `to` that one save records, in
// order, each as its own step event, so the history and the figures read the same as if they had
// been saved one by one. The table's own move when there is one (a skip, a step back, reopening,
// archiving: one move). Otherwise, for a later open step, the forward moves one at a time: every
// step in between is recorded as done (from received to approach agreed: first analysis, intake,
// investigation, approach agreed). A skip is a choice staff make on purpose ("there was no
// intake"), so a combined change never takes one by itself. Empty when the protocol has no way;
// CheckStepPath says why.
std::vector<Transition> StepPath(CaseStep from, CaseStep to);

// Allowed when StepPath has a way, or why not, with CheckTransition's reasons: same_step,
// archived, close_with_handling, step_not_allowed.
Verdict CheckStepPath(CaseStep from, CaseStep to);

// Every step StepPath reaches from here, in the order of the steps: what the case page offers.
std::vector<CaseStep> ReachableSteps(CaseStep from);

// Whether the case may be closed from this step: any open step may; a closed case is refused
// with case_closed and an archived one with archived. The codes are checked by CheckClose.
Verdict CheckCloseFrom(CaseStep from);

}  // namespace meldpunt
