#pragma once
// Per-client rate limits without keeping addresses: a client is known only by a keyed hash of
// its address, under a key that lives in memory and is replaced every day, so the table can
// neither be read back into addresses nor linked across days. Token buckets: a client may make
// `burst` requests at once and then one per `refill_seconds`.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "security/crypto.hpp"

namespace meldpunt {

class SharedBuckets;

class RateLimiter {
 public:
  // burst 0 turns the limit off.
  RateLimiter(int burst, double refill_seconds, size_t max_clients = 100000);
  // Takes one token for the client at time now (seconds); false when the client has none left.
  bool Allow(std::string_view client, double now);
  // Takes `tokens` more from the client, as a penalty. A bucket goes no lower than -burst, so after
  // any penalty the client waits at most (burst + 1) × refill_seconds for its next token.
  void Charge(std::string_view client, double now, double tokens);
  // Seconds until the client has a token again; 0 when it has one now.
  double SecondsUntilAllowed(std::string_view client, double now);
  size_t TrackedClients();
  // Several nodes (issue 17, part 6): from now on the buckets live in `shared` under the limit's
  // name, so the nodes limit a client together; this node's own buckets answer only while the
  // shared ones do not (see security/shared_buckets.hpp). Call before serving.
  void ShareThrough(SharedBuckets& shared, std::string limit);
  // Allow calls answered false since start (for /metrics).
  std::uint64_t Refusals() const { return refusals_.load(std::memory_order_relaxed); }

 private:
  struct Bucket {
    double tokens;
    double updated;
  };
  std::string Pseudonym(std::string_view client, double now);  // requires mutex_
  // The client's bucket, refilled up to now; created full when new. Requires mutex_.
  Bucket& Refilled(std::string_view client, double now);

  const int burst_;
  const double refill_seconds_;
  const size_t max_clients_;
  std::mutex mutex_;
  Key key_;                                          // guarded by mutex_
  double key_since_ = -1;                            // guarded by mutex_
  std::unordered_map<std::string, Bucket> buckets_;  // guarded by mutex_
  SharedBuckets* shared_ = nullptr;                  // set before serving; then fixed
  std::string shared_limit_;                         // the limit's name in the shared table
  std::atomic<std::uint64_t> refusals_{0};
};

}  // namespace meldpunt
