#pragma once
// The sweep of the shared limits' table (issue 17, part 6): a background thread that deletes, at
// start and then every `every`, the buckets that are full again (they mean nothing any more), and
// everything when more than max_buckets remain. Off the request path, on a connection of its own
// with a long time budget, so a large table after an attack from many addresses is swept however
// long it takes, without holding a request. Several nodes may all sweep: a sweep deletes only
// buckets that are full.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "store/shared_limit_store.hpp"

namespace meldpunt {

class SharedLimitsSweeper {
 public:
  // clock gives Unix seconds (MakeClock).
  SharedLimitsSweeper(SharedLimitStore& store, std::function<long long()> clock,
                      std::chrono::seconds every, long long max_buckets);
  ~SharedLimitsSweeper();  // Stop()
  SharedLimitsSweeper(const SharedLimitsSweeper&) = delete;
  SharedLimitsSweeper& operator=(const SharedLimitsSweeper&) = delete;

  // Waits for a sweep in progress to finish, and ends the thread.
  void Stop();
  long long Sweeps();  // finished sweeps, for the tests

 private:
  void Loop();

  SharedLimitStore& store_;
  const std::function<long long()> clock_;
  const std::chrono::seconds every_;
  const long long max_buckets_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  long long sweeps_ = 0;   // guarded by mutex_
  std::thread thread_;
};

}  // namespace meldpunt
