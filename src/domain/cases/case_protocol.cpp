#include "domain/cases/case_protocol.hpp"

namespace meldpunt {

std::string_view StepCode(CaseStep step) {
  switch (step) {
    case CaseStep::kReceived:
      return "received";
    case CaseStep::kFirstAnalysis:
      return "first_analysis";
    case CaseStep::kIntake:
      return "intake";
    case CaseStep::kInvestigation:
      return "investigation";
    case CaseStep::kApproachAgreed:
      return "approach_agreed";
    case CaseStep::kActions:
      return "actions";
    case CaseStep::kEvaluation:
      return "evaluation";
    case CaseStep::kClosed:
      return "closed";
    case CaseStep::kArchived:
      return "archived";
  }
  return "received";
}

std::optional<CaseStep> ParseStep(std::string_view code) {
  for (CaseStep step : kAllSteps) {
    if (StepCode(step) == code) return step;
  }
  return std::nullopt;
}

bool IsOpen(CaseStep step) { return step != CaseStep::kClosed && step != CaseStep::kArchived; }

std::string_view TransitionKindCode(TransitionKind kind) {
  switch (kind) {
    case TransitionKind::kForward:
      return "forward";
    case TransitionKind::kSkip:
      return "skip";
    case TransitionKind::kBack:
      return "back";
    case TransitionKind::kReopen:
      return "reopen";
    case TransitionKind::kArchive:
      return "archive";
  }
  return "forward";
}

std::optional<Transition> FindTransition(CaseStep from, CaseStep to) {
  for (const Transition& t : kTransitions) {
    if (t.from == from && t.to == to) return t;
  }
  return std::nullopt;
}

Verdict CheckTransition(CaseStep from, CaseStep to) {
  if (from == to) return Refusal::kSameStep;
  if (from == CaseStep::kArchived) return Refusal::kArchived;
  if (to == CaseStep::kClosed) {
    return IsOpen(from) ? Refusal::kCloseWithHandling : Refusal::kStepNotAllowed;
  }
  if (!FindTransition(from, to)) return Refusal::kStepNotAllowed;
  return Verdict::Allowed();
}

std::vector<CaseStep> NextSteps(CaseStep from) {
  std::vector<CaseStep> steps;
  for (CaseStep to : kAllSteps) {
    if (CheckTransition(from, to)) steps.push_back(to);
  }
  return steps;
}

std::vector<Transition> StepPath(CaseStep from, CaseStep to) {
  if (CheckTransition(from, to)) return {*FindTransition(from, to)};
  if (from == to || !IsOpen(from) || !IsOpen(to)) return {};
  std::vector<Transition> path;
  // The forward moves form one chain through the open steps; at most one per step.
  for (CaseStep at = from; at != to;) {
    std::optional<Transition> next;
    for (const Transition& t : kTransitions) {
      if (t.from == at && t.kind == TransitionKind::kForward) next = t;
    }
    if (!next || path.size() >= std::size(kAllSteps)) return {};
    path.push_back(*next);
    at = next->to;
  }
  return path;
}

Verdict CheckStepPath(CaseStep from, CaseStep to) {
  Verdict direct = CheckTransition(from, to);
  if (direct || direct.refusal() != Refusal::kStepNotAllowed) return direct;
  return StepPath(from, to).empty() ? direct : Verdict::Allowed();
}

std::vector<CaseStep> ReachableSteps(CaseStep from) {
  std::vector<CaseStep> steps;
  for (CaseStep to : kAllSteps) {
    if (CheckStepPath(from, to)) steps.push_back(to);
  }
  return steps;
}

Verdict CheckCloseFrom(CaseStep from) {
  if (from == CaseStep::kArchived) return Refusal::kArchived;
  if (from == CaseStep::kClosed) return Refusal::kCaseClosed;
  return Verdict::Allowed();
}

}  // namespace meldpunt
