#include "store/shared_limits_sweeper.hpp"

#include "base/log.hpp"

namespace meldpunt {

SharedLimitsSweeper::SharedLimitsSweeper(SharedLimitStore& store, std::function<long long()> clock,
                                         std::chrono::seconds every, long long max_buckets)
    : store_(store), clock_(std::move(clock)), every_(every), max_buckets_(max_buckets) {
  thread_ = std::thread([this] { Loop(); });
}

SharedLimitsSweeper::~SharedLimitsSweeper() { Stop(); }

void SharedLimitsSweeper::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

long long SharedLimitsSweeper::Sweeps() {
  std::lock_guard lock(mutex_);
  return sweeps_;
}

void SharedLimitsSweeper::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      store_.SweepBuckets(static_cast<double>(clock_()), max_buckets_);
    } catch (const std::exception& e) {
      // Tried again at the next sweep; the checks themselves do not depend on it.
      log::Write("warning", "shared limits not swept", {{"error", e.what()}});
    }
    lock.lock();
    ++sweeps_;
    wake_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

}  // namespace meldpunt
