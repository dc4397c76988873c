#pragma once
// What a scrape of /metrics writes: collectors added at start, each writing its families. A
// collector reads counters kept elsewhere (the server's, the store's, the limiters') or asks the
// database for a gauge; it runs on the metrics listener's worker, never on a request's path.
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "metrics/exposition.hpp"

namespace meldpunt::metrics {

class Registry {
 public:
  using Collector = std::function<void(Exposition&)>;

  // Before serving starts.
  void Add(Collector collector);
  // The whole exposition; a collector that throws is skipped and counted in
  // meldpunt_metrics_collector_errors_total, so one broken source does not blank the rest.
  std::string Render();

 private:
  std::mutex mutex_;
  std::vector<Collector> collectors_;  // guarded by mutex_
  std::uint64_t errors_ = 0;           // guarded by mutex_
};

}  // namespace meldpunt::metrics
