#include "security/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(RateLimiter, AllowsABurstThenOneMorePerRefill) {
  InitSodium();
  RateLimiter limiter(3, 10.0);
  EXPECT_TRUE(limiter.Allow("192.0.2.1", 0));
  EXPECT_TRUE(limiter.Allow("192.0.2.1", 0));
  EXPECT_TRUE(limiter.Allow("192.0.2.1", 0));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", 1));
  EXPECT_TRUE(limiter.Allow("192.0.2.2", 1)) << "another client has its own bucket";
  EXPECT_TRUE(limiter.Allow("192.0.2.1", 11));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", 12));
}

TEST(RateLimiter, ZeroBurstMeansNoLimit) {
  RateLimiter limiter(0, 10.0);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.Allow("192.0.2.1", 0));
  EXPECT_EQ(limiter.TrackedClients(), 0u);
}

TEST(RateLimiter, StaysBoundedAndForgetsEveryoneAfterADay) {
  InitSodium();
  RateLimiter limiter(1, 60.0, 100);
  for (int i = 0; i < 1000; ++i) limiter.Allow("client-" + std::to_string(i), 0);
  EXPECT_LE(limiter.TrackedClients(), 100u);
  EXPECT_FALSE(limiter.Allow("client-999", 1));
  EXPECT_TRUE(limiter.Allow("client-999", 24 * 3600 + 1)) << "a new day, a new key, a fresh bucket";
  EXPECT_EQ(limiter.TrackedClients(), 1u);
}

}  // namespace
}  // namespace meldpunt
