#include "security/shared_buckets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "security/attempt_guard.hpp"
#include "security/rate_limiter.hpp"
#include "store/store_types.hpp"

namespace meldpunt {
namespace {

// The shared table in memory, with the arithmetic of the SQL in store/soci/soci_shared_limits.cpp
// (the PostgreSQL statements themselves are tested by tests/integration/shared-limits.test.mjs).
// It records every client pseudonym it is given, and can be made to fail.
class TableInMemory final : public SharedLimitStore {
 public:
  struct Row {
    double tokens;
    double updated;
    int burst;
    double refill;
  };
  std::map<std::pair<std::string, std::string>, Row> rows;
  bool down = false;
  int calls = 0;
  int sweeps = 0;

  SharedTake TakeToken(const SharedBucket& b, double now) override {
    Row& row = Refilled(b, now);
    SharedTake take{row.tokens >= 1, 0};
    if (take.taken) row.tokens -= 1;
    take.tokens = row.tokens;
    return take;
  }
  double ChargeTokens(const SharedBucket& b, double now, double tokens) override {
    Row& row = Refilled(b, now);
    row.tokens = std::max<double>(-b.burst, row.tokens - tokens);
    return row.tokens;
  }
  std::optional<double> PeekTokens(const SharedBucket& b, double now) override {
    Call();
    auto it = rows.find({b.limit, b.client});
    if (it == rows.end()) return std::nullopt;
    return std::min<double>(b.burst,
                            it->second.tokens + (now - it->second.updated) / b.refill_seconds);
  }
  long long SweepBuckets(double now, long long) override {
    Call();
    ++sweeps;
    return static_cast<long long>(std::erase_if(rows, [&](const auto& entry) {
      const Row& r = entry.second;
      return r.tokens + (now - r.updated) / r.refill >= r.burst;
    }));
  }

 private:
  void Call() {
    ++calls;
    if (down) throw StoreError("connection refused");
  }
  Row& Refilled(const SharedBucket& b, double now) {
    Call();
    auto [it, added] =
        rows.try_emplace({b.limit, b.client}, Row{double(b.burst), now, b.burst, b.refill_seconds});
    Row& row = it->second;
    row.tokens =
        std::min<double>(b.burst, row.tokens + std::max(0.0, now - row.updated) / b.refill_seconds);
    row.updated = std::max(row.updated, now);
    return row;
  }
};

Key KeyOf(unsigned char fill) {
  Key key;
  key.fill(fill);
  return key;
}

// Two nodes: each its own limiter and its own SharedBuckets, with the key both derive from the
// shared key file, on one table.
struct TwoNodes {
  TableInMemory table;
  SharedBuckets first{table, KeyOf(7)};
  SharedBuckets second{table, KeyOf(7)};
};

TEST(SharedBuckets, TwoNodesGiveAClientOneBurstTogether) {
  InitSodium();
  TwoNodes nodes;
  RateLimiter on_first(3, 60.0);
  RateLimiter on_second(3, 60.0);
  on_first.ShareThrough(nodes.first, "report");
  on_second.ShareThrough(nodes.second, "report");

  EXPECT_TRUE(on_first.Allow("203.0.113.9", 0));
  EXPECT_TRUE(on_second.Allow("203.0.113.9", 0));
  EXPECT_TRUE(on_first.Allow("203.0.113.9", 0));
  EXPECT_FALSE(on_second.Allow("203.0.113.9", 1)) << "the fourth, on the other node";
  EXPECT_FALSE(on_first.Allow("203.0.113.9", 1));
  EXPECT_NEAR(on_second.SecondsUntilAllowed("203.0.113.9", 1), 59, 1e-9);
  EXPECT_TRUE(on_second.Allow("203.0.113.10", 1)) << "another client has its own bucket";
  EXPECT_TRUE(on_first.Allow("203.0.113.9", 61)) << "one more after the refill, on either node";
  EXPECT_FALSE(on_second.Allow("203.0.113.9", 62));
  EXPECT_EQ(on_first.TrackedClients(), 0u) << "nothing in the node's own memory";
}

TEST(SharedBuckets, ThePseudonymIsTheSameOnEveryNodeForADayAndNeverTheAddress) {
  InitSodium();
  TwoNodes nodes;
  std::string today = nodes.first.Pseudonym("203.0.113.9", 1000);
  EXPECT_EQ(today.size(), 32u);
  EXPECT_EQ(today.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(nodes.second.Pseudonym("203.0.113.9", 86399), today) << "same key, same day";
  EXPECT_NE(nodes.first.Pseudonym("203.0.113.9", 86400), today) << "a new day, a new key";
  EXPECT_NE(nodes.first.Pseudonym("203.0.113.10", 1000), today);
  TableInMemory table;
  SharedBuckets other_installation(table, KeyOf(8));
  EXPECT_NE(other_installation.Pseudonym("203.0.113.9", 1000), today) << "another key file";

  RateLimiter limiter(2, 60.0);
  limiter.ShareThrough(nodes.first, "login");
  limiter.Allow("203.0.113.9", 1000);
  ASSERT_EQ(nodes.table.rows.size(), 1u);
  EXPECT_EQ(nodes.table.rows.begin()->first, (std::pair<std::string, std::string>{"login", today}));
}

TEST(SharedBuckets, ChargesAndTheSiteWideCeilingCountAcrossNodes) {
  InitSodium();
  TwoNodes nodes;
  AttemptGuard first(5, 60.0, 4);
  AttemptGuard second(5, 60.0, 4);
  first.ShareThrough(nodes.first, "receipt");
  second.ShareThrough(nodes.second, "receipt");
  // Four wrong codes a minute from four addresses, over both nodes, are within the ceiling ...
  for (int i = 0; i < 4; ++i) {
    AttemptGuard& node = i % 2 ? second : first;
    std::string client = "198.51.100." + std::to_string(i);
    ASSERT_TRUE(node.Admit(client, 0).allowed);
    EXPECT_FALSE(node.Failed(client, 0)) << i;
  }
  // ... the fifth, wherever it lands, is over it and costs its client the burst on both nodes.
  ASSERT_TRUE(first.Admit("198.51.100.4", 1).allowed);
  EXPECT_TRUE(first.Failed("198.51.100.4", 1));
  auto slowed = second.Admit("198.51.100.4", 2);
  EXPECT_FALSE(slowed.allowed);
  EXPECT_GT(slowed.retry_after_seconds, 60);
  EXPECT_TRUE(second.Admit("198.51.100.99", 2).allowed) << "someone else still gets in";
}

TEST(SharedBuckets, ADatabaseThatDoesNotAnswerFallsBackToTheNodesOwnLimitsForAWhile) {
  InitSodium();
  TableInMemory table;
  SharedBuckets shared(table, KeyOf(7), std::chrono::seconds(5));
  RateLimiter limiter(2, 60.0);
  limiter.ShareThrough(shared, "report");
  ASSERT_TRUE(limiter.Allow("203.0.113.9", 0));
  int calls_before = table.calls;

  table.down = true;
  // The node's own bucket answers: neither wide open nor closed.
  EXPECT_TRUE(limiter.Allow("203.0.113.9", 1));
  EXPECT_TRUE(limiter.Allow("203.0.113.9", 1));
  EXPECT_FALSE(limiter.Allow("203.0.113.9", 1));
  EXPECT_EQ(table.calls, calls_before + 1)
      << "one failed call; then the table is left alone for the pause";
  EXPECT_EQ(shared.Fallbacks(), 3);

  table.down = false;
  EXPECT_FALSE(limiter.Allow("203.0.113.9", 3)) << "still paused: the node's own bucket";
  EXPECT_TRUE(limiter.Allow("203.0.113.9", 7)) << "after the pause, the shared bucket again";
  EXPECT_FALSE(limiter.Allow("203.0.113.9", 7));
  EXPECT_EQ(shared.Fallbacks(), 4);
}

}  // namespace
}  // namespace meldpunt
