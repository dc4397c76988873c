#pragma once
// Counters and histograms that the hot path updates with one relaxed atomic add each: no lock, no
// allocation. They are read only when scraped (Snapshot), where a value may be a moment older
// than another's; Prometheus expects no more.
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "metrics/exposition.hpp"

namespace meldpunt::metrics {

class Counter {
 public:
  void Add(std::uint64_t n = 1) noexcept { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t Value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

// Observes whole numbers in a unit of the caller's (microseconds, rows); the exposition shows
// them divided by `scale` (1e6: seconds, Prometheus' base unit for time).
class Histogram {
 public:
  // bounds: ascending upper bounds in the observed unit.
  explicit Histogram(std::vector<std::uint64_t> bounds, double scale = 1);
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  void Observe(std::uint64_t value) noexcept;
  HistogramSnapshot Snapshot() const;

 private:
  const std::vector<std::uint64_t> bounds_;
  const double scale_;
  const std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<std::uint64_t> sum_{0};
};

// Latency bounds in microseconds: 1 ms to 10 s, the range of a page, an upload or a PDF.
std::vector<std::uint64_t> LatencyBoundsMicros();

}  // namespace meldpunt::metrics
