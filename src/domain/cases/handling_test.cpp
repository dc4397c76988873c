#include "domain/cases/handling.hpp"

#include <gtest/gtest.h>

#include <set>
#include <span>

namespace meldpunt {
namespace {

using Codes = std::vector<std::string>;

TEST(HandlingCodes, AreDistinctLowercaseIdentifiers) {
  for (auto list : {std::span<const std::string_view>(kHandlings),
                    std::span<const std::string_view>(kOutcomes)}) {
    std::set<std::string_view> seen;
    for (std::string_view code : list) {
      EXPECT_TRUE(seen.insert(code).second) << code;
      EXPECT_FALSE(code.empty());
      for (char c : code) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << code;
    }
  }
  EXPECT_EQ(kHandlings.front(), kHandlingRegistrationOnly);
}

TEST(CheckClose, AcceptsOneOrMoreHandlingsAndAnOutcome) {
  EXPECT_TRUE(CheckClose({"registration_only"}, "registration_only").ok());
  EXPECT_TRUE(CheckClose({"advice"}, "resolved").ok());
  EXPECT_TRUE(CheckClose({"intervention", "mediation"}, "partly_resolved").ok());
  EXPECT_TRUE(CheckClose({"advice", "referral"}, "referred").ok());
  EXPECT_TRUE(CheckClose({"registration_only"}, "no_contact").ok())
      << "the reporter never answered: only registered";
  EXPECT_TRUE(CheckClose({"listening_ear", "other"}, "unknown").ok());
  for (std::string_view handling : kHandlings) {
    EXPECT_TRUE(CheckClose({std::string(handling)}, "unknown").ok()) << handling;
  }
  for (std::string_view outcome : kOutcomes) {
    Codes handlings = {outcome == kOutcomeRegistrationOnly ? "registration_only" : "referral"};
    EXPECT_TRUE(CheckClose(handlings, outcome).ok()) << outcome;
  }
}

TEST(CheckClose, NeedsAHandling) {
  EXPECT_EQ(CheckClose({}, "resolved").code(), "handling_required");
  EXPECT_EQ(CheckClose({}, "").code(), "handling_required");
}

TEST(CheckClose, RefusesUnknownHandlings) {
  EXPECT_EQ(CheckClose({"letter"}, "resolved").code(), "unknown_handling")
      << "a wish, not a handling code";
  EXPECT_EQ(CheckClose({"advice", ""}, "resolved").code(), "unknown_handling");
  EXPECT_EQ(CheckClose({"Advice"}, "resolved").code(), "unknown_handling");
}

TEST(CheckClose, RefusesDuplicates) {
  EXPECT_EQ(CheckClose({"advice", "mediation", "advice"}, "resolved").code(), "duplicate_handling");
  EXPECT_EQ(CheckClose({"registration_only", "registration_only"}, "registration_only").code(),
            "duplicate_handling");
}

TEST(CheckClose, RegistrationOnlyStandsAlone) {
  EXPECT_EQ(CheckClose({"registration_only", "advice"}, "resolved").code(),
            "registration_only_alone");
  EXPECT_EQ(CheckClose({"advice", "registration_only"}, "unknown").code(),
            "registration_only_alone");
}

TEST(CheckClose, NeedsAKnownOutcome) {
  EXPECT_EQ(CheckClose({"advice"}, "").code(), "outcome_required");
  EXPECT_EQ(CheckClose({"advice"}, "solved").code(), "unknown_outcome");
  EXPECT_EQ(CheckClose({"advice"}, "Resolved").code(), "unknown_outcome");
}

TEST(CheckClose, OutcomeMayNotContradictTheHandling) {
  EXPECT_EQ(CheckClose({"advice"}, "registration_only").code(), "outcome_contradicts_handling");
  EXPECT_EQ(CheckClose({"mediation"}, "referred").code(), "outcome_contradicts_handling");
  EXPECT_EQ(CheckClose({"registration_only"}, "referred").code(), "outcome_contradicts_handling");
}

TEST(CheckClose, HandlingsAreCheckedBeforeTheOutcome) {
  EXPECT_EQ(CheckClose({"nope"}, "nope").code(), "unknown_handling");
  EXPECT_EQ(CheckClose({"registration_only", "advice"}, "").code(), "registration_only_alone");
}

}  // namespace
}  // namespace meldpunt
