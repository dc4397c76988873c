#include "domain/cases/own_initiative.hpp"

#include <gtest/gtest.h>

#include "domain/cases/case_action.hpp"

namespace meldpunt {
namespace {

TEST(OwnInitiative, TheLastMarkerCounts) {
  EXPECT_EQ(CurrentOwnInitiative({}), "");
  EXPECT_EQ(CurrentOwnInitiative({"general_rule"}), "general_rule");
  EXPECT_EQ(CurrentOwnInitiative({"general_rule", "ended"}), "");
  EXPECT_EQ(CurrentOwnInitiative({"ended", "observation"}), "observation");
  EXPECT_FALSE(IsOwnInitiativeReason("ended"));
}

// An anonymous report about an incident: no letter, until staff mark it as the bureau's own
// initiative on a general rule; then the letter needs neither consent nor an agreed approach.
// Mediation stays refused: it is the reporter's own matter.
TEST(OwnInitiative, AllowsTheBureausOwnLetterOnly) {
  CaseFacts facts{.anonymous = true, .scope = "incident", .step = CaseStep::kFirstAnalysis};
  EXPECT_EQ(CheckAction(ActionKind::kLetterToOtherParty, facts).code(), "anonymous_individual");
  facts.own_initiative = "general_rule";
  EXPECT_TRUE(CheckAction(ActionKind::kLetterToOtherParty, facts).ok());
  EXPECT_EQ(CheckAction(ActionKind::kMediationSession, facts).code(), "anonymous_individual");
  facts.own_initiative = "observation";
  EXPECT_TRUE(CheckAction(ActionKind::kLetterToOtherParty, facts).ok());
  facts.step = CaseStep::kClosed;
  EXPECT_EQ(CheckAction(ActionKind::kLetterToOtherParty, facts).code(), "case_closed");
  CaseFacts named{.anonymous = false, .scope = "incident", .step = CaseStep::kIntake};
  EXPECT_EQ(CheckAction(ActionKind::kLetterToOtherParty, named).code(), "approach_not_agreed");
  named.own_initiative = "general_rule";
  EXPECT_TRUE(CheckAction(ActionKind::kLetterToOtherParty, named).ok());
}

}  // namespace
}  // namespace meldpunt
