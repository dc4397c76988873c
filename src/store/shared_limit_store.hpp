#pragma once
// Token buckets that several nodes share through the database (issue 17, part 6): the per-client
// limits and the site-wide ceiling on wrong receipt codes, kept in PostgreSQL so that N nodes
// behind one load balancer limit a client as one node would.
//
// A bucket is named by its limit and a client pseudonym (a keyed hash made by the caller; no
// address ever reaches the store). Every method is one round trip, may block, and throws
// StoreError when the database does not answer (in time); the caller then falls back to its own
// node's buckets (security/shared_buckets.hpp).
#include <optional>
#include <string>

namespace meldpunt {

struct SharedBucket {
  std::string limit;   // "report", "login", "receipt/client", ...; at most 64 characters
  std::string client;  // the client's pseudonym, hex; at most 64 characters
  int burst = 0;       // > 0
  double refill_seconds = 1;
};

struct SharedTake {
  bool taken = false;
  double tokens = 0;  // left after the take (or, when refused, what the client has)
};

class SharedLimitStore {
 public:
  virtual ~SharedLimitStore() = default;

  // Refills the bucket up to now and takes one token if it holds one. A new bucket starts full.
  virtual SharedTake TakeToken(const SharedBucket& bucket, double now) = 0;
  // Refills the bucket up to now and takes `tokens` more, going no lower than -burst; returns
  // what is left.
  virtual double ChargeTokens(const SharedBucket& bucket, double now, double tokens) = 0;
  // The bucket's tokens at now, without taking any; nullopt when the store holds no bucket (as
  // good as full).
  virtual std::optional<double> PeekTokens(const SharedBucket& bucket, double now) = 0;
  // Deletes the buckets that are full again at now (they mean nothing any more), and every bucket
  // when more than max_buckets remain; returns how many were deleted.
  virtual long long SweepBuckets(double now, long long max_buckets) = 0;
};

}  // namespace meldpunt
