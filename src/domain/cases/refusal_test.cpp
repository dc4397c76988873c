#include "domain/cases/refusal.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace meldpunt {
namespace {

TEST(Refusal, CodesAreDistinctAndRoundTrip) {
  std::set<std::string_view> codes;
  for (Refusal refusal : kAllRefusals) {
    EXPECT_TRUE(codes.insert(RefusalCode(refusal)).second) << RefusalCode(refusal);
    EXPECT_EQ(ParseRefusal(RefusalCode(refusal)), refusal);
  }
  EXPECT_EQ(RefusalCode(Refusal::kAnonymousIndividual), "anonymous_individual");
  EXPECT_EQ(RefusalCode(Refusal::kConsentMissing), "consent_missing");
  EXPECT_EQ(RefusalCode(Refusal::kCaseClosed), "case_closed");
  EXPECT_FALSE(ParseRefusal(""));
  EXPECT_FALSE(ParseRefusal("Consent_Missing"));
}

TEST(Refusal, CodesAreLowercaseIdentifiers) {
  // They become catalog keys and values in the event log.
  for (Refusal refusal : kAllRefusals) {
    for (char c : RefusalCode(refusal)) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << RefusalCode(refusal);
    }
  }
}

TEST(Verdict, IsTrueWhenAllowedLikeResult) {
  Verdict allowed = Verdict::Allowed();
  EXPECT_TRUE(allowed.ok());
  EXPECT_TRUE(static_cast<bool>(allowed));
  EXPECT_EQ(allowed.code(), "");

  Verdict refused = Refusal::kSameStep;
  EXPECT_FALSE(refused.ok());
  EXPECT_FALSE(static_cast<bool>(refused));
  EXPECT_EQ(refused.refusal(), Refusal::kSameStep);
  EXPECT_EQ(refused.code(), "same_step");

  EXPECT_TRUE(refused == Refusal::kSameStep);
  EXPECT_FALSE(refused == Verdict::Allowed());
  EXPECT_TRUE(Verdict::Allowed() == Verdict::Allowed());
}

}  // namespace
}  // namespace meldpunt
