#include "domain/cases/case_action.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/cases/handling.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

using A = ActionKind;

// A named reporter about an incident, consent given, the approach agreed: everything allowed.
CaseFacts Agreed() {
  CaseFacts facts;
  facts.anonymous = false;
  facts.scope = "incident";
  facts.consent_recorded = true;
  facts.step = CaseStep::kApproachAgreed;
  return facts;
}

CaseFacts Anonymous(std::string scope) {
  CaseFacts facts = Agreed();
  facts.anonymous = true;
  facts.scope = std::move(scope);
  return facts;
}

TEST(ActionKind, CodesRoundTrip) {
  std::set<std::string_view> codes;
  for (ActionKind kind : kAllActionKinds) {
    EXPECT_TRUE(codes.insert(ActionCode(kind)).second);
    EXPECT_EQ(ParseAction(ActionCode(kind)), kind);
  }
  EXPECT_EQ(ActionCode(A::kInformationAdvice), "information_advice");
  EXPECT_EQ(ActionCode(A::kReferral), "referral");
  EXPECT_EQ(ActionCode(A::kLetterToOtherParty), "letter_to_other_party");
  EXPECT_EQ(ActionCode(A::kMediationSession), "mediation_session");
  EXPECT_EQ(ActionCode(A::kComplaintProcedureSupport), "complaint_procedure_support");
  EXPECT_EQ(ActionCode(A::kPoliceReportSupport), "police_report_support");
  EXPECT_EQ(ActionCode(A::kListeningEar), "listening_ear");
  EXPECT_EQ(ActionCode(A::kOwnInitiative), "own_initiative");
  EXPECT_FALSE(ParseAction("letter"));
  EXPECT_FALSE(ParseAction(""));
}

TEST(ComplaintTarget, CodesRoundTrip) {
  for (ComplaintTarget target : kAllComplaintTargets) {
    EXPECT_EQ(ParseTarget(TargetCode(target)), target);
  }
  EXPECT_EQ(TargetCode(ComplaintTarget::kCollegeRechtenMens), "college_rechten_mens");
  EXPECT_EQ(TargetCode(ComplaintTarget::kNationaleOmbudsman), "nationale_ombudsman");
  EXPECT_EQ(TargetCode(ComplaintTarget::kInternalProcedure), "internal_procedure");
  EXPECT_FALSE(ParseTarget("police"));
}

TEST(Consent, NeededForEverythingThatReachesAThirdParty) {
  EXPECT_TRUE(NeedsConsent(A::kLetterToOtherParty));
  EXPECT_TRUE(NeedsConsent(A::kMediationSession));
  EXPECT_TRUE(NeedsConsent(A::kComplaintProcedureSupport));
  EXPECT_TRUE(NeedsConsent(A::kPoliceReportSupport));
  EXPECT_FALSE(NeedsConsent(A::kInformationAdvice));
  EXPECT_FALSE(NeedsConsent(A::kReferral));
  EXPECT_FALSE(NeedsConsent(A::kListeningEar));
  EXPECT_FALSE(NeedsConsent(A::kOwnInitiative));
}

TEST(CheckAction, EverythingAllowedForANamedReporterWithConsentAndAnApproach) {
  for (ActionKind kind : kAllActionKinds) {
    EXPECT_TRUE(CheckAction(kind, Agreed()).ok()) << ActionCode(kind);
  }
  EXPECT_EQ(AllowedActions(Agreed()).size(), std::size(kAllActionKinds));
}

TEST(CheckAction, ConsentMissing) {
  CaseFacts facts = Agreed();
  facts.consent_recorded = false;
  for (ActionKind kind : kAllActionKinds) {
    EXPECT_EQ(CheckAction(kind, facts).code(), NeedsConsent(kind) ? "consent_missing" : "")
        << ActionCode(kind);
  }
}

TEST(CheckAction, NothingOnAClosedOrArchivedCase) {
  for (CaseStep step : {CaseStep::kClosed, CaseStep::kArchived}) {
    CaseFacts facts = Agreed();
    facts.step = step;
    for (ActionKind kind : kAllActionKinds) {
      EXPECT_EQ(CheckAction(kind, facts).code(), "case_closed") << ActionCode(kind);
    }
    EXPECT_TRUE(AllowedActions(facts).empty());
  }
  // Closed comes first, even before anonymity.
  CaseFacts anonymous = Anonymous("incident");
  anonymous.step = CaseStep::kClosed;
  EXPECT_EQ(CheckAction(A::kLetterToOtherParty, anonymous).code(), "case_closed");
}

TEST(CheckAction, ThirdPartyActionsWaitForTheAgreedApproach) {
  for (CaseStep step : kAllSteps) {
    CaseFacts facts = Agreed();
    facts.step = step;
    bool open = IsOpen(step);
    bool agreed = step == CaseStep::kApproachAgreed || step == CaseStep::kActions ||
                  step == CaseStep::kEvaluation;
    for (ActionKind kind : kAllActionKinds) {
      std::string_view expected = !open                           ? "case_closed"
                                  : NeedsConsent(kind) && !agreed ? "approach_not_agreed"
                                                                  : "";
      EXPECT_EQ(CheckAction(kind, facts).code(), expected)
          << ActionCode(kind) << " in " << StepCode(step);
    }
  }
  // Advice is often given in the first conversation.
  CaseFacts first = Agreed();
  first.step = CaseStep::kReceived;
  EXPECT_EQ(AllowedActions(first), (std::vector<ActionKind>{A::kInformationAdvice, A::kReferral,
                                                            A::kListeningEar, A::kOwnInitiative}));
}

TEST(CheckAction, AnonymousIndividualReportGetsNoLetterAndNoMediation) {
  CaseFacts facts = Anonymous("incident");
  EXPECT_EQ(CheckAction(A::kLetterToOtherParty, facts).code(), "anonymous_individual");
  EXPECT_EQ(CheckAction(A::kMediationSession, facts).code(), "anonymous_individual");
  EXPECT_EQ(CheckAction(A::kComplaintProcedureSupport, facts).code(), "needs_name");
  EXPECT_EQ(CheckAction(A::kPoliceReportSupport, facts).code(), "needs_name");
  EXPECT_TRUE(CheckAction(A::kInformationAdvice, facts).ok());
  EXPECT_TRUE(CheckAction(A::kReferral, facts).ok());
  EXPECT_TRUE(CheckAction(A::kListeningEar, facts).ok());
  EXPECT_TRUE(CheckAction(A::kOwnInitiative, facts).ok());
  // Consent does not lift it: the refusal is about anonymity, and says so.
  facts.consent_recorded = false;
  EXPECT_EQ(CheckAction(A::kLetterToOtherParty, facts).code(), "anonymous_individual");
  facts.step = CaseStep::kIntake;
  EXPECT_EQ(CheckAction(A::kMediationSession, facts).code(), "anonymous_individual");
}

TEST(CheckAction, AnonymousPolicyReportMayGetALetterWithConsent) {
  CaseFacts facts = Anonymous("policy");
  EXPECT_TRUE(CheckAction(A::kLetterToOtherParty, facts).ok());
  EXPECT_TRUE(CheckAction(A::kOwnInitiative, facts).ok());
  EXPECT_EQ(CheckAction(A::kMediationSession, facts).code(), "needs_name");
  EXPECT_EQ(CheckAction(A::kComplaintProcedureSupport, facts).code(), "needs_name");
  EXPECT_EQ(CheckAction(A::kPoliceReportSupport, facts).code(), "needs_name");
  facts.consent_recorded = false;
  EXPECT_EQ(CheckAction(A::kLetterToOtherParty, facts).code(), "consent_missing");
  EXPECT_TRUE(CheckAction(A::kOwnInitiative, facts).ok())
      << "own initiative is how the bureau acts without the reporter";
}

TEST(CheckAction, UnknownScopeCountsAsAnIncident) {
  EXPECT_EQ(CheckAction(A::kLetterToOtherParty, Anonymous("")).code(), "anonymous_individual");
  EXPECT_EQ(CheckAction(A::kLetterToOtherParty, Anonymous("Policy")).code(),
            "anonymous_individual");
}

TEST(CheckAction, NamedPolicyReportIsLikeANamedIncident) {
  CaseFacts facts = Agreed();
  facts.scope = "policy";
  for (ActionKind kind : kAllActionKinds) EXPECT_TRUE(CheckAction(kind, facts).ok());
}

TEST(CheckAction, AgreesWithAnonymousMayWishOfThePublicForm) {
  // What the form refuses an anonymous reporter, the case refuses staff, and the other way round.
  for (std::string_view scope : kScopes) {
    for (std::string_view wish : kWishes) {
      auto kind = ActionForWish(wish);
      if (!kind) continue;
      Verdict verdict = CheckAction(*kind, Anonymous(std::string(scope)));
      EXPECT_EQ(verdict.ok(), AnonymousMayWish(wish, scope)) << wish << " / " << scope;
    }
  }
}

TEST(CheckAction, ComplaintProcedureNamesItsTarget) {
  CaseFacts facts = Agreed();
  EXPECT_EQ(CheckAction(CaseAction{A::kComplaintProcedureSupport, std::nullopt}, facts).code(),
            "target_required");
  for (ComplaintTarget target : kAllComplaintTargets) {
    EXPECT_TRUE(CheckAction(CaseAction{A::kComplaintProcedureSupport, target}, facts).ok());
  }
  EXPECT_EQ(
      CheckAction(CaseAction{A::kLetterToOtherParty, ComplaintTarget::kNationaleOmbudsman}, facts)
          .code(),
      "target_not_applicable");
  EXPECT_TRUE(CheckAction(CaseAction{A::kLetterToOtherParty, std::nullopt}, facts).ok());
  // The case's rules come before the form's target.
  CaseFacts anonymous = Anonymous("incident");
  EXPECT_EQ(CheckAction(CaseAction{A::kComplaintProcedureSupport, std::nullopt}, anonymous).code(),
            "needs_name");
  facts.consent_recorded = false;
  EXPECT_EQ(CheckAction(CaseAction{A::kComplaintProcedureSupport, std::nullopt}, facts).code(),
            "consent_missing");
}

TEST(ActionForWish, EveryWishButRegistrationOnlyHasAnAction) {
  for (std::string_view wish : kWishes) {
    EXPECT_EQ(ActionForWish(wish).has_value(), wish != kWishRegistrationOnly) << wish;
  }
  EXPECT_EQ(ActionForWish("letter"), A::kLetterToOtherParty);
  EXPECT_EQ(ActionForWish("police_report"), A::kPoliceReportSupport);
  EXPECT_FALSE(ActionForWish("unknown"));
}

TEST(Handling, EveryActionImpliesAHandlingCode) {
  std::set<std::string_view> implied;
  for (ActionKind kind : kAllActionKinds) {
    EXPECT_TRUE(IsCode(kHandlings, HandlingOf(kind))) << ActionCode(kind);
    EXPECT_NE(HandlingOf(kind), kHandlingRegistrationOnly);
    EXPECT_TRUE(implied.insert(HandlingOf(kind)).second) << "two kinds, one code";
  }
  EXPECT_EQ(HandlingOf(A::kLetterToOtherParty), "intervention");
  EXPECT_EQ(HandlingOf(A::kInformationAdvice), "advice");
  EXPECT_EQ(HandlingOf(A::kMediationSession), "mediation");
  EXPECT_EQ(HandlingOf(A::kComplaintProcedureSupport), "complaint_procedure");
  EXPECT_EQ(HandlingOf(A::kPoliceReportSupport), "police_report");
}

TEST(Handling, SuggestedOncePerCodeInListOrder) {
  const ActionKind done[] = {A::kLetterToOtherParty, A::kInformationAdvice, A::kLetterToOtherParty,
                             A::kOwnInitiative};
  for (bool complaint : {false, true}) {
    EXPECT_EQ(SuggestHandlings(done, complaint),
              (std::vector<std::string>{"advice", "intervention", "own_initiative"}));
  }
}

TEST(Handling, NothingDoneSuggestsRegistrationOnlyForAMeldingAndNothingForAComplaint) {
  EXPECT_EQ(SuggestHandlings({}, false), (std::vector<std::string>{"registration_only"}));
  EXPECT_EQ(SuggestHandlings({}, true), (std::vector<std::string>{}));
}

TEST(Handling, SuggestionsAlwaysCloseACase) {
  // Whatever was done, the suggestion passes CheckClose with a neutral outcome; a complaint on
  // which nothing was done has no suggestion, so its handler must choose.
  std::vector<ActionKind> done;
  EXPECT_TRUE(CheckClose(SuggestHandlings(done, false), "unknown").ok());
  EXPECT_FALSE(CheckClose(SuggestHandlings(done, true), "unknown").ok());
  for (ActionKind kind : kAllActionKinds) {
    done.push_back(kind);
    EXPECT_TRUE(CheckClose(SuggestHandlings(done, true), "resolved").ok()) << ActionCode(kind);
  }
}

}  // namespace
}  // namespace meldpunt
