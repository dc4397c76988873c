#include "domain/cases/case_protocol.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace meldpunt {
namespace {

using S = CaseStep;

TEST(CaseStep, CodesRoundTrip) {
  std::set<std::string_view> codes;
  for (CaseStep step : kAllSteps) {
    EXPECT_TRUE(codes.insert(StepCode(step)).second);
    EXPECT_EQ(ParseStep(StepCode(step)), step);
  }
  EXPECT_EQ(codes.size(), 9u);
  EXPECT_EQ(StepCode(S::kReceived), "received");
  EXPECT_EQ(StepCode(S::kFirstAnalysis), "first_analysis");
  EXPECT_EQ(StepCode(S::kIntake), "intake");
  EXPECT_EQ(StepCode(S::kInvestigation), "investigation");
  EXPECT_EQ(StepCode(S::kApproachAgreed), "approach_agreed");
  EXPECT_EQ(StepCode(S::kActions), "actions");
  EXPECT_EQ(StepCode(S::kEvaluation), "evaluation");
  EXPECT_EQ(StepCode(S::kClosed), "closed");
  EXPECT_EQ(StepCode(S::kArchived), "archived");
  EXPECT_FALSE(ParseStep(""));
  EXPECT_FALSE(ParseStep("Closed"));
  EXPECT_FALSE(ParseStep("in_progress"));
}

TEST(CaseStep, OnlyClosedAndArchivedAreNotOpen) {
  for (CaseStep step : kAllSteps) {
    EXPECT_EQ(IsOpen(step), step != S::kClosed && step != S::kArchived) << StepCode(step);
  }
}

TEST(CaseStep, AllStepsAreInProtocolOrder) {
  for (size_t i = 0; i < std::size(kAllSteps); ++i) {
    EXPECT_EQ(static_cast<size_t>(kAllSteps[i]), i);
  }
}

TEST(Transition, KindCodes) {
  EXPECT_EQ(TransitionKindCode(TransitionKind::kForward), "forward");
  EXPECT_EQ(TransitionKindCode(TransitionKind::kSkip), "skip");
  EXPECT_EQ(TransitionKindCode(TransitionKind::kBack), "back");
  EXPECT_EQ(TransitionKindCode(TransitionKind::kReopen), "reopen");
  EXPECT_EQ(TransitionKindCode(TransitionKind::kArchive), "archive");
}

TEST(Transition, ForwardOneStepAtATime) {
  const CaseStep path[] = {S::kReceived,       S::kFirstAnalysis, S::kIntake,    S::kInvestigation,
                           S::kApproachAgreed, S::kActions,       S::kEvaluation};
  for (size_t i = 0; i + 1 < std::size(path); ++i) {
    EXPECT_TRUE(CheckTransition(path[i], path[i + 1]).ok()) << StepCode(path[i]);
    EXPECT_EQ(FindTransition(path[i], path[i + 1])->kind, TransitionKind::kForward);
  }
}

TEST(Transition, SkipsThatMakeSense) {
  // No intake possible: an anonymous reporter, or the bureau's own initiative.
  EXPECT_TRUE(CheckTransition(S::kFirstAnalysis, S::kInvestigation).ok());
  EXPECT_EQ(FindTransition(S::kFirstAnalysis, S::kInvestigation)->kind, TransitionKind::kSkip);
  // Nothing to investigate: the approach is agreed in the intake conversation.
  EXPECT_TRUE(CheckTransition(S::kIntake, S::kApproachAgreed).ok());
  EXPECT_EQ(FindTransition(S::kIntake, S::kApproachAgreed)->kind, TransitionKind::kSkip);
}

TEST(Transition, OtherSkipsAreRefused) {
  EXPECT_EQ(CheckTransition(S::kReceived, S::kIntake).code(), "step_not_allowed");
  EXPECT_EQ(CheckTransition(S::kReceived, S::kActions).code(), "step_not_allowed");
  EXPECT_EQ(CheckTransition(S::kFirstAnalysis, S::kActions).code(), "step_not_allowed");
  EXPECT_EQ(CheckTransition(S::kInvestigation, S::kActions).code(), "step_not_allowed");
  EXPECT_EQ(CheckTransition(S::kApproachAgreed, S::kEvaluation).code(), "step_not_allowed");
  EXPECT_EQ(CheckTransition(S::kReceived, S::kArchived).code(), "step_not_allowed");
  EXPECT_EQ(CheckTransition(S::kEvaluation, S::kArchived).code(), "step_not_allowed")
      << "a case is closed, with codes, before it is archived";
}

TEST(Transition, BackOneStepToCorrect) {
  const std::pair<CaseStep, CaseStep> back[] = {{S::kIntake, S::kFirstAnalysis},
                                                {S::kInvestigation, S::kIntake},
                                                {S::kApproachAgreed, S::kInvestigation},
                                                {S::kActions, S::kApproachAgreed},
                                                {S::kEvaluation, S::kActions}};
  for (auto [from, to] : back) {
    EXPECT_TRUE(CheckTransition(from, to).ok()) << StepCode(from);
    EXPECT_EQ(FindTransition(from, to)->kind, TransitionKind::kBack);
  }
  EXPECT_EQ(CheckTransition(S::kFirstAnalysis, S::kReceived).code(), "step_not_allowed")
      << "received is a fact, not work to correct";
  EXPECT_EQ(CheckTransition(S::kEvaluation, S::kIntake).code(), "step_not_allowed")
      << "one step back, not more";
  EXPECT_EQ(CheckTransition(S::kActions, S::kInvestigation).code(), "step_not_allowed");
}

TEST(Transition, ClosingOnlyThroughTheCloseOperation) {
  for (CaseStep from : kAllSteps) {
    if (!IsOpen(from)) continue;
    EXPECT_EQ(CheckTransition(from, S::kClosed).code(), "close_with_handling") << StepCode(from);
    EXPECT_TRUE(CheckCloseFrom(from).ok()) << StepCode(from);
  }
  // Registration only: closed straight after the first analysis.
  EXPECT_TRUE(CheckCloseFrom(S::kFirstAnalysis).ok());
  EXPECT_EQ(CheckCloseFrom(S::kClosed).code(), "case_closed");
  EXPECT_EQ(CheckCloseFrom(S::kArchived).code(), "archived");
  EXPECT_EQ(CheckTransition(S::kClosed, S::kClosed).code(), "same_step");
  EXPECT_EQ(CheckTransition(S::kArchived, S::kClosed).code(), "archived");
}

TEST(Transition, ClosedCaseIsArchivedOrReopenedToEvaluation) {
  EXPECT_TRUE(CheckTransition(S::kClosed, S::kArchived).ok());
  EXPECT_EQ(FindTransition(S::kClosed, S::kArchived)->kind, TransitionKind::kArchive);
  EXPECT_TRUE(CheckTransition(S::kClosed, S::kEvaluation).ok());
  EXPECT_EQ(FindTransition(S::kClosed, S::kEvaluation)->kind, TransitionKind::kReopen);
  for (CaseStep to : {S::kReceived, S::kFirstAnalysis, S::kIntake, S::kInvestigation,
                      S::kApproachAgreed, S::kActions}) {
    EXPECT_EQ(CheckTransition(S::kClosed, to).code(), "step_not_allowed") << StepCode(to);
  }
}

TEST(Transition, ArchivedIsFinal) {
  for (CaseStep to : kAllSteps) {
    Verdict verdict = CheckTransition(S::kArchived, to);
    EXPECT_FALSE(verdict.ok()) << StepCode(to);
    EXPECT_EQ(verdict.code(), to == S::kArchived ? "same_step" : "archived") << StepCode(to);
  }
  EXPECT_TRUE(NextSteps(S::kArchived).empty());
}

TEST(Transition, SameStepIsRefused) {
  for (CaseStep step : kAllSteps) {
    EXPECT_EQ(CheckTransition(step, step).code(), "same_step") << StepCode(step);
  }
}

TEST(Transition, NothingGoesBackToReceived) {
  for (CaseStep from : kAllSteps) EXPECT_FALSE(CheckTransition(from, S::kReceived).ok());
}

TEST(Transition, TableAgreesWithCheckTransition) {
  // Every pair: allowed exactly when the table has it, and the table never closes a case.
  std::set<std::pair<CaseStep, CaseStep>> seen;
  for (const Transition& t : kTransitions) {
    EXPECT_TRUE(seen.insert({t.from, t.to}).second) << "listed twice: " << StepCode(t.from);
    EXPECT_NE(t.to, S::kClosed);
    EXPECT_NE(t.from, S::kArchived);
    EXPECT_NE(t.from, t.to);
  }
  for (CaseStep from : kAllSteps) {
    for (CaseStep to : kAllSteps) {
      EXPECT_EQ(CheckTransition(from, to).ok(), seen.count({from, to}) == 1)
          << StepCode(from) << " -> " << StepCode(to);
      EXPECT_EQ(FindTransition(from, to).has_value(), seen.count({from, to}) == 1);
    }
  }
}

TEST(Transition, EveryStepIsReachableFromReceived) {
  // Walk the table from received: every step but closed (reached by closing) is reachable,
  // and from every open step the case can still move on (or close).
  std::set<CaseStep> reached = {S::kReceived};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Transition& t : kTransitions) {
      if (reached.count(t.from) && reached.insert(t.to).second) grew = true;
    }
    // Closing is possible from every open step.
    for (CaseStep step : std::set<CaseStep>(reached)) {
      if (IsOpen(step) && reached.insert(S::kClosed).second) grew = true;
    }
  }
  EXPECT_EQ(reached.size(), std::size(kAllSteps));
  for (CaseStep step : kAllSteps) {
    if (IsOpen(step)) {
      EXPECT_TRUE(CheckCloseFrom(step).ok());
    }
  }
}

TEST(Transition, NextStepsInStepOrder) {
  EXPECT_EQ(NextSteps(S::kReceived), (std::vector<CaseStep>{S::kFirstAnalysis}));
  EXPECT_EQ(NextSteps(S::kFirstAnalysis), (std::vector<CaseStep>{S::kIntake, S::kInvestigation}));
  EXPECT_EQ(NextSteps(S::kIntake),
            (std::vector<CaseStep>{S::kFirstAnalysis, S::kInvestigation, S::kApproachAgreed}));
  EXPECT_EQ(NextSteps(S::kEvaluation), (std::vector<CaseStep>{S::kActions}));
  EXPECT_EQ(NextSteps(S::kClosed), (std::vector<CaseStep>{S::kEvaluation, S::kArchived}));
  for (CaseStep from : kAllSteps) {
    for (CaseStep to : NextSteps(from)) EXPECT_NE(to, S::kClosed);
  }
}

// Combined step changes (issue 14).
std::vector<std::pair<S, TransitionKind>> Moves(S from, S to) {
  std::vector<std::pair<S, TransitionKind>> moves;
  S at = from;
  for (const Transition& t : StepPath(from, to)) {
    EXPECT_EQ(t.from, at) << "each move starts where the one before ended";
    moves.emplace_back(t.to, t.kind);
    at = t.to;
  }
  return moves;
}

TEST(StepPath, ReceivedToApproachAgreedRecordsEveryStepInBetween) {
  using K = TransitionKind;
  EXPECT_EQ(Moves(S::kReceived, S::kApproachAgreed),
            (std::vector<std::pair<S, TransitionKind>>{{S::kFirstAnalysis, K::kForward},
                                                       {S::kIntake, K::kForward},
                                                       {S::kInvestigation, K::kForward},
                                                       {S::kApproachAgreed, K::kForward}}));
  EXPECT_EQ(Moves(S::kReceived, S::kEvaluation).size(), 6u);
  EXPECT_EQ(Moves(S::kIntake, S::kActions).size(), 3u);
}

TEST(StepPath, TheTablesOwnMoveIsOneMove) {
  using K = TransitionKind;
  // A skip is taken only when asked for directly: intake to approach agreed is the skip.
  EXPECT_EQ(Moves(S::kIntake, S::kApproachAgreed),
            (std::vector<std::pair<S, TransitionKind>>{{S::kApproachAgreed, K::kSkip}}));
  EXPECT_EQ(Moves(S::kFirstAnalysis, S::kInvestigation),
            (std::vector<std::pair<S, TransitionKind>>{{S::kInvestigation, K::kSkip}}));
  EXPECT_EQ(Moves(S::kActions, S::kApproachAgreed),
            (std::vector<std::pair<S, TransitionKind>>{{S::kApproachAgreed, K::kBack}}));
  EXPECT_EQ(Moves(S::kClosed, S::kEvaluation),
            (std::vector<std::pair<S, TransitionKind>>{{S::kEvaluation, K::kReopen}}));
  EXPECT_EQ(Moves(S::kClosed, S::kArchived),
            (std::vector<std::pair<S, TransitionKind>>{{S::kArchived, K::kArchive}}));
  EXPECT_EQ(Moves(S::kReceived, S::kFirstAnalysis).size(), 1u);
}

TEST(StepPath, NoWayIsRefusedWithTheReason) {
  EXPECT_TRUE(StepPath(S::kEvaluation, S::kIntake).empty()) << "back more than one step";
  EXPECT_EQ(CheckStepPath(S::kEvaluation, S::kIntake), Verdict(Refusal::kStepNotAllowed));
  EXPECT_EQ(CheckStepPath(S::kIntake, S::kReceived), Verdict(Refusal::kStepNotAllowed));
  EXPECT_EQ(CheckStepPath(S::kReceived, S::kClosed), Verdict(Refusal::kCloseWithHandling));
  EXPECT_EQ(CheckStepPath(S::kIntake, S::kIntake), Verdict(Refusal::kSameStep));
  EXPECT_EQ(CheckStepPath(S::kArchived, S::kEvaluation), Verdict(Refusal::kArchived));
  EXPECT_EQ(CheckStepPath(S::kClosed, S::kActions), Verdict(Refusal::kStepNotAllowed))
      << "a closed case is reopened to evaluation only";
  EXPECT_TRUE(StepPath(S::kReceived, S::kArchived).empty());
  EXPECT_TRUE(StepPath(S::kReceived, S::kClosed).empty());
}

TEST(StepPath, EveryMoveOfAPathIsAllowedOnItsOwn) {
  for (S from : kAllSteps) {
    for (S to : kAllSteps) {
      auto path = StepPath(from, to);
      EXPECT_EQ(!path.empty(), CheckStepPath(from, to).ok()) << StepCode(from) << StepCode(to);
      for (const Transition& t : path) EXPECT_TRUE(CheckTransition(t.from, t.to));
      if (!path.empty()) EXPECT_EQ(path.back().to, to);
    }
  }
}

TEST(StepPath, ReachableStepsAreTheNextStepsAndEveryLaterOpenStep) {
  EXPECT_EQ(ReachableSteps(S::kReceived),
            (std::vector<S>{S::kFirstAnalysis, S::kIntake, S::kInvestigation, S::kApproachAgreed,
                            S::kActions, S::kEvaluation}));
  EXPECT_EQ(ReachableSteps(S::kActions), (std::vector<S>{S::kApproachAgreed, S::kEvaluation}));
  EXPECT_EQ(ReachableSteps(S::kClosed), NextSteps(S::kClosed));
  EXPECT_TRUE(ReachableSteps(S::kArchived).empty());
  for (S from : kAllSteps) {
    for (S next : NextSteps(from)) {
      auto reachable = ReachableSteps(from);
      EXPECT_NE(std::find(reachable.begin(), reachable.end(), next), reachable.end());
    }
  }
}

}  // namespace
}  // namespace meldpunt
