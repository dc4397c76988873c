#include "metrics/instruments.hpp"

#include <algorithm>

namespace meldpunt::metrics {

Histogram::Histogram(std::vector<std::uint64_t> bounds, double scale)
    : bounds_(std::move(bounds)),
      scale_(scale),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

void Histogram::Observe(std::uint64_t value) noexcept {
  // Few bounds (a dozen): a linear walk is as quick as a binary search and branch-friendly.
  size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

HistogramSnapshot Histogram::Snapshot() const {
  HistogramSnapshot snapshot;
  snapshot.bounds.reserve(bounds_.size());
  for (auto bound : bounds_) snapshot.bounds.push_back(static_cast<double>(bound) / scale_);
  snapshot.buckets.reserve(bounds_.size() + 1);
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    snapshot.buckets.push_back(buckets_[i].load(std::memory_order_relaxed));
  }
  snapshot.sum = static_cast<double>(sum_.load(std::memory_order_relaxed)) / scale_;
  return snapshot;
}

std::vector<std::uint64_t> LatencyBoundsMicros() {
  return {1'000,   2'500,   5'000,     10'000,    25'000,    50'000,    100'000,
          250'000, 500'000, 1'000'000, 2'500'000, 5'000'000, 10'000'000};
}

}  // namespace meldpunt::metrics
