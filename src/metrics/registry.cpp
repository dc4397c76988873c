#include "metrics/registry.hpp"

#include "base/log.hpp"

namespace meldpunt::metrics {

void Registry::Add(Collector collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Registry::Render() {
  std::lock_guard lock(mutex_);
  Exposition out;
  for (const auto& collector : collectors_) {
    // Each collector writes into its own text first: a failure halfway leaves no half family.
    Exposition part;
    try {
      collector(part);
    } catch (const std::exception& e) {
      ++errors_;
      log::Error("metrics collector failed", {{"error", e.what()}});
      continue;
    }
    out.Append(part);
  }
  out.Family("meldpunt_metrics_collector_errors_total",
             "Collectors of /metrics that failed (their families are left out of that scrape).",
             Type::kCounter);
  out.Sample("meldpunt_metrics_collector_errors_total", {}, static_cast<double>(errors_));
  return out.Text();
}

}  // namespace meldpunt::metrics
