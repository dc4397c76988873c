#include "http/request_metrics.hpp"

#include <algorithm>

namespace meldpunt::http {

RequestMetrics::RequestMetrics(const Router& router)
    : first_route_(router.Routes().empty() ? nullptr : router.Routes().data()),
      route_count_(router.Routes().size()) {
  for (const auto& route : router.Routes()) {
    auto slot = std::make_unique<Slot>();
    slot->method = MethodName(route.method);
    slot->pattern = route.path;
    routes_.push_back(std::move(slot));
  }
  for (const char* special : {"unmatched", "invalid"}) {
    auto slot = std::make_unique<Slot>();
    slot->pattern = special;
    routes_.push_back(std::move(slot));
  }
}

size_t RequestMetrics::SlotOf(const Route* route) const {
  if (!route || !first_route_) return UnmatchedSlot();
  auto index = static_cast<size_t>(route - first_route_);
  return index < route_count_ ? index : UnmatchedSlot();
}

size_t RequestMetrics::StatusSlot(int status) noexcept {
  const auto* found = std::lower_bound(kStatuses.begin(), kStatuses.end(), status);
  if (found != kStatuses.end() && *found == status) {
    return static_cast<size_t>(found - kStatuses.begin());
  }
  int status_class = std::clamp(status / 100, 1, 5);
  return kStatuses.size() + static_cast<size_t>(status_class - 1);
}

std::string RequestMetrics::StatusLabel(size_t status_slot) {
  if (status_slot < kStatuses.size()) return std::to_string(kStatuses[status_slot]);
  return std::to_string(status_slot - kStatuses.size() + 1) + "xx";
}

void RequestMetrics::Record(size_t slot, int status, std::chrono::microseconds duration) noexcept {
  if (slot >= routes_.size()) slot = UnmatchedSlot();
  Slot& s = *routes_[slot];
  s.statuses[StatusSlot(status)].Add();
  s.latency.Observe(static_cast<std::uint64_t>(std::max<std::int64_t>(0, duration.count())));
}

namespace {

std::vector<metrics::Label> RouteLabels(const std::string& method, const std::string& pattern) {
  std::vector<metrics::Label> labels;
  if (!method.empty()) labels.push_back({"method", method});
  labels.push_back({"route", pattern});
  return labels;
}

}  // namespace

void RequestMetrics::Collect(metrics::Exposition& out) const {
  out.Family("meldpunt_http_requests_total",
             "HTTP requests answered, by route pattern and status code.", metrics::Type::kCounter);
  for (const auto& slot : routes_) {
    for (size_t i = 0; i < kStatusSlots; ++i) {
      std::uint64_t value = slot->statuses[i].Value();
      if (value == 0) continue;
      auto labels = RouteLabels(slot->method, slot->pattern);
      std::string code = StatusLabel(i);
      labels.push_back({"code", code});
      out.Sample("meldpunt_http_requests_total", labels, static_cast<double>(value));
    }
  }
  out.Family("meldpunt_http_request_duration_seconds",
             "Time from a request's first byte to its answer written, by route pattern.",
             metrics::Type::kHistogram);
  for (const auto& slot : routes_) {
    auto snapshot = slot->latency.Snapshot();
    if (snapshot.Count() == 0) continue;
    out.Histogram("meldpunt_http_request_duration_seconds",
                  RouteLabels(slot->method, slot->pattern), snapshot);
  }
}

}  // namespace meldpunt::http
