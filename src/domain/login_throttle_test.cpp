#include "domain/login_throttle.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(LoginThrottle, FiveFreeFailuresThenAWaitThatDoublesUpToAnHour) {
  LoginThrottlePolicy policy;
  for (int n = 1; n <= 5; ++n) EXPECT_EQ(ThrottleWait(policy, n), 0) << n;
  EXPECT_EQ(ThrottleWait(policy, 6), 60);
  EXPECT_EQ(ThrottleWait(policy, 7), 120);
  EXPECT_EQ(ThrottleWait(policy, 8), 240);
  EXPECT_EQ(ThrottleWait(policy, 12), 3600);
  EXPECT_EQ(ThrottleWait(policy, 1000), 3600);
}

TEST(LoginThrottle, NoWaitWhenTurnedOff) {
  LoginThrottlePolicy policy;
  policy.first_wait = 0;
  EXPECT_EQ(ThrottleWait(policy, 50), 0);
}

}  // namespace
}  // namespace meldpunt
