#pragma once
// GET /metrics in the Prometheus text format on its own listen address (--metrics-listen,
// issue 17): a second, small HTTP server with one route, on its own I/O thread, so the metrics
// are never served on the public port and a scrape never waits behind public traffic.
#include <memory>
#include <thread>

#include "app/config.hpp"
#include "app/retention_service.hpp"
#include "http/request_metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "metrics/registry.hpp"
#include "security/attempt_guard.hpp"
#include "security/rate_limiter.hpp"
#include "store/store.hpp"

namespace meldpunt::app {

// What the metrics are read from; each outlives the service.
struct MetricsSources {
  const http::RequestMetrics& requests;
  StoreMetrics& store;
  const RateLimiter& report_limits;
  const RateLimiter& login_limits;
  const RateLimiter& login_failure_limits;
  const AttemptGuard& receipt_attempts;
  const RetentionService& retention;
  std::function<long long()> now;  // Unix seconds, for the age of the oldest pending e-mail
};

// Adds the collectors of every source to the registry.
void AddMetricCollectors(metrics::Registry& registry, const MetricsSources& sources);

class MetricsService {
 public:
  // Binds config.metrics_listen (throws std::runtime_error with a clear message when it cannot)
  // and serves on a thread of its own until SIGINT or SIGTERM, like the public server.
  MetricsService(const Config& config, const MetricsSources& sources);
  ~MetricsService();  // stops the listener and waits for its thread
  MetricsService(const MetricsService&) = delete;
  MetricsService& operator=(const MetricsService&) = delete;

 private:
  metrics::Registry registry_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace meldpunt::app
