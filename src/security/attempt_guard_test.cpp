#include "security/attempt_guard.hpp"

#include <gtest/gtest.h>

#include <string>

namespace meldpunt {
namespace {

TEST(RateLimiter, ChargeAndWait) {
  InitSodium();
  RateLimiter limiter(2, 10.0);
  EXPECT_EQ(limiter.SecondsUntilAllowed("a", 0), 0);
  EXPECT_TRUE(limiter.Allow("a", 0));
  EXPECT_TRUE(limiter.Allow("a", 0));
  EXPECT_DOUBLE_EQ(limiter.SecondsUntilAllowed("a", 0), 10);
  EXPECT_DOUBLE_EQ(limiter.SecondsUntilAllowed("a", 4), 6);
  limiter.Charge("a", 4, 100);  // no lower than -burst
  EXPECT_DOUBLE_EQ(limiter.SecondsUntilAllowed("a", 4), 30);
  EXPECT_FALSE(limiter.Allow("a", 33));
  EXPECT_TRUE(limiter.Allow("a", 35));
  RateLimiter off(0, 10.0);
  off.Charge("a", 0, 100);
  EXPECT_EQ(off.SecondsUntilAllowed("a", 0), 0);
}

TEST(AttemptGuard, BurstThenOnePerRefillAndSaysHowLongToWait) {
  InitSodium();
  AttemptGuard guard(5, 60.0, 0);
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(guard.Admit("198.51.100.7", 0).allowed);
    EXPECT_FALSE(guard.Failed("198.51.100.7", 0)) << "no site-wide ceiling";
  }
  auto refused = guard.Admit("198.51.100.7", 1);
  EXPECT_FALSE(refused.allowed);
  EXPECT_NEAR(refused.retry_after_seconds, 59, 1e-9);
  EXPECT_TRUE(guard.Admit("198.51.100.8", 1).allowed) << "another client is not affected";
  EXPECT_TRUE(guard.Admit("198.51.100.7", 60).allowed) << "one more attempt after a minute";
  EXPECT_FALSE(guard.Admit("198.51.100.7", 61).allowed);
}

TEST(AttemptGuard, SpreadOutAttackSlowsDownOnlyThoseWhoFail) {
  InitSodium();
  AttemptGuard guard(5, 60.0, 10);
  // Ten failures a minute from many addresses are within the ceiling.
  for (int i = 0; i < 10; ++i) {
    std::string client = "attacker-" + std::to_string(i);
    ASSERT_TRUE(guard.Admit(client, 0).allowed);
    EXPECT_FALSE(guard.Failed(client, 0));
  }
  // Beyond it, each new failure costs its client the whole burst.
  ASSERT_TRUE(guard.Admit("attacker-10", 1).allowed);
  EXPECT_TRUE(guard.Failed("attacker-10", 1));
  auto slowed = guard.Admit("attacker-10", 2);
  EXPECT_FALSE(slowed.allowed);
  EXPECT_GT(slowed.retry_after_seconds, 60);
  EXPECT_LE(slowed.retry_after_seconds, 6 * 60) << "(burst + 1) × refill at the very most";

  // A reporter elsewhere who types the right code is let in at once, during the attack.
  EXPECT_TRUE(guard.Admit("reporter", 2).allowed);
  // One who mistypes during the attack waits a few minutes, never longer.
  EXPECT_TRUE(guard.Failed("reporter", 2));
  EXPECT_FALSE(guard.Admit("reporter", 3).allowed);
  EXPECT_TRUE(guard.Admit("reporter", 2 + 6 * 60).allowed);
}

TEST(AttemptGuard, CeilingRefillsWithTime) {
  InitSodium();
  AttemptGuard guard(5, 60.0, 2);
  EXPECT_FALSE(guard.Failed("a", 0));
  EXPECT_FALSE(guard.Failed("b", 0));
  EXPECT_TRUE(guard.Failed("c", 0));
  EXPECT_FALSE(guard.Failed("d", 30)) << "one failure per 30 s is within 2 a minute";
}

}  // namespace
}  // namespace meldpunt
