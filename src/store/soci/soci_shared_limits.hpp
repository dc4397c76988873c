#pragma once
// The shared token buckets (store/shared_limit_store.hpp) in PostgreSQL, on a connection of their
// own: a limit is checked before the request's real work, so it must neither wait for the store's
// pool nor let a slow database hold a request. Each call waits at most `budget` for the
// connection and lets the statement run at most `budget` (statement_timeout); past it, it throws
// StoreError and the caller uses its node's own buckets. A broken connection is opened again at
// the next call.
#include <chrono>
#include <memory>
#include <mutex>

#include "store/database_url.hpp"
#include "store/shared_limit_store.hpp"

namespace soci {
class session;
}

namespace meldpunt {

class SociSharedLimits final : public SharedLimitStore {
 public:
  // url must be PostgreSQL. Does not connect yet: the first call does.
  SociSharedLimits(const DatabaseUrl& url, std::chrono::milliseconds budget);
  ~SociSharedLimits() override;

  SharedTake TakeToken(const SharedBucket& bucket, double now) override;
  double ChargeTokens(const SharedBucket& bucket, double now, double tokens) override;
  std::optional<double> PeekTokens(const SharedBucket& bucket, double now) override;
  long long SweepBuckets(double now, long long max_buckets) override;

 private:
  // Runs work on the connection (opened when needed) under the time budget.
  template <class Fn>
  auto Run(const char* what, Fn&& work);

  const DatabaseUrl url_;
  const std::chrono::milliseconds budget_;
  std::timed_mutex mutex_;
  std::unique_ptr<soci::session> session_;  // guarded by mutex_; null until opened or once broken
};

}  // namespace meldpunt
