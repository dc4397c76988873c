#pragma once
// The limits' side of sharing token buckets between nodes (issue 17, part 6): who a client is in
// the shared table, and what a node does when the database does not answer.
//
// A client is a keyed hash of its address. The key must be the same on every node, so it is
// derived from the master key (which all nodes share) and the current UTC day: every node turns to
// the next key at midnight without talking to the others, a pseudonym links a client's requests
// within one day only, and the table alone, without the key file, cannot be tested against
// addresses. (A single node's own buckets keep their random in-memory key, as before.)
//
// When a call to the store fails or takes longer than its budget, the call is answered by the
// node's own buckets (the caller's RateLimiter) and the store is left alone for `pause`: the
// limits fail over to what one node knows, never wide open and never closed, so a slow database
// costs a request at most one budget and a report is never refused for the database's sake.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "security/crypto.hpp"
#include "store/shared_limit_store.hpp"

namespace meldpunt {

struct SharedLimitRule {
  std::string limit;  // the limit's name in the table
  int burst = 0;
  double refill_seconds = 1;
};

class SharedBuckets {
 public:
  // key: derived from the master key for this purpose only.
  SharedBuckets(SharedLimitStore& store, const Key& key,
                std::chrono::seconds pause = std::chrono::seconds(5));

  // Each returns nullopt when the shared table did not answer: the caller uses its own buckets.
  std::optional<bool> Take(const SharedLimitRule& rule, std::string_view client, double now);
  std::optional<double> Charge(const SharedLimitRule& rule, std::string_view client, double now,
                               double tokens);
  // Seconds until the client has a token again; 0 when it has one now.
  std::optional<double> SecondsUntilAllowed(const SharedLimitRule& rule, std::string_view client,
                                            double now);

  // The client's pseudonym at `now` (hex, 32 characters); public for the tests.
  std::string Pseudonym(std::string_view client, double now);
  // Calls that fell back to the node's own buckets since start.
  long long Fallbacks();

 private:
  template <class Fn>
  auto Shared(double now, Fn&& work) -> std::optional<decltype(work())>;

  SharedLimitStore& store_;
  const Key key_;
  const double pause_seconds_;
  std::mutex mutex_;
  long long day_ = -1;        // guarded by mutex_: the day of day_key_
  Key day_key_{};             // guarded by mutex_
  double paused_until_ = -1;  // guarded by mutex_: no store calls before this time
  long long fallbacks_ = 0;   // guarded by mutex_
};

}  // namespace meldpunt
