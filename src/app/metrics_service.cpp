#include "app/metrics_service.hpp"

#include <stdexcept>

#include "base/log.hpp"
#include "metrics/listen_address.hpp"
#include "web/paths.hpp"

namespace meldpunt::app {
namespace {

using metrics::Exposition;
using metrics::Type;

void CollectStore(Exposition& out, StoreMetrics& store) {
  StoreStats stats = store.Stats();
  if (stats.write_queue_depth) {
    out.Family(
        "meldpunt_write_queue_depth",
        "Writes waiting for SQLite's single writer (not counting the batch being committed).",
        Type::kGauge);
    out.Sample("meldpunt_write_queue_depth", {}, static_cast<double>(*stats.write_queue_depth));
  }
  if (stats.group_commit_size) {
    out.Family("meldpunt_write_group_commit_size",
               "Writes committed together in one transaction by SQLite's single writer.",
               Type::kHistogram);
    out.Histogram("meldpunt_write_group_commit_size", {}, *stats.group_commit_size);
  }
  out.Family("meldpunt_db_pool_connections", "Database connections in the pool.", Type::kGauge);
  out.Sample("meldpunt_db_pool_connections", {}, static_cast<double>(stats.pool_size));
  out.Family("meldpunt_db_pool_waits_total",
             "Database sessions that had to wait for a free pooled connection (an estimate: "
             "the pool is probed just before the lease).",
             Type::kCounter);
  out.Sample("meldpunt_db_pool_waits_total", {}, static_cast<double>(stats.pool_waits));
  out.Family("meldpunt_reports_registered_total",
             "Reports registered by this process since it started, by channel.", Type::kCounter);
  for (const auto& [channel, count] : stats.reports_by_channel) {
    out.Sample("meldpunt_reports_registered_total", {{"channel", channel}},
               static_cast<double>(count));
  }
  out.Family("meldpunt_outbox_given_up_total",
             "E-mails to reporters given up by this process after their last attempt.",
             Type::kCounter);
  out.Sample("meldpunt_outbox_given_up_total", {}, static_cast<double>(stats.mail_given_up));
}

void CollectOutbox(Exposition& out, StoreMetrics& store, long long now) {
  OutboxBacklog backlog = store.CountOutboxBacklog();
  out.Family("meldpunt_outbox_pending", "E-mails to reporters waiting to be sent or retried.",
             Type::kGauge);
  out.Sample("meldpunt_outbox_pending", {}, static_cast<double>(backlog.pending));
  out.Family("meldpunt_outbox_oldest_pending_age_seconds",
             "Age of the oldest e-mail waiting to be sent (0 when none waits).", Type::kGauge);
  double age = backlog.oldest_pending_at
                   ? static_cast<double>(std::max(0LL, now - *backlog.oldest_pending_at))
                   : 0;
  out.Sample("meldpunt_outbox_oldest_pending_age_seconds", {}, age);
}

void CollectLimits(Exposition& out, const MetricsSources& s) {
  out.Family("meldpunt_rate_limit_refusals_total",
             "Requests refused by a per-client limit, by limit: report (report form and messages "
             "of reporters), login, login_failure, receipt_code (/melden/volgen).",
             Type::kCounter);
  auto sample = [&](std::string_view limit, std::uint64_t value) {
    out.Sample("meldpunt_rate_limit_refusals_total", {{"limit", limit}},
               static_cast<double>(value));
  };
  sample("report", s.report_limits.Refusals());
  sample("login", s.login_limits.Refusals());
  sample("login_failure", s.login_failure_limits.Refusals());
  sample("receipt_code", s.receipt_attempts.Refusals());
  out.Family("meldpunt_receipt_code_ceiling_exceeded_total",
             "Wrong receipt codes past the site-wide ceiling per minute (a spread-out guessing "
             "attack).",
             Type::kCounter);
  out.Sample("meldpunt_receipt_code_ceiling_exceeded_total", {},
             static_cast<double>(s.receipt_attempts.CeilingExceeded()));
}

void CollectRetention(Exposition& out, const RetentionService& retention) {
  auto stats = retention.Read();
  out.Family("meldpunt_retention_runs_total", "Retention runs of this process, by outcome.",
             Type::kCounter);
  out.Sample("meldpunt_retention_runs_total", {{"outcome", "success"}},
             static_cast<double>(stats.succeeded));
  out.Sample("meldpunt_retention_runs_total", {{"outcome", "failure"}},
             static_cast<double>(stats.failed));
  out.Family("meldpunt_retention_anonymised_total",
             "Reports anonymised by the retention runs of this process.", Type::kCounter);
  out.Sample("meldpunt_retention_anonymised_total", {}, static_cast<double>(stats.anonymised));
  out.Family("meldpunt_retention_last_success_timestamp_seconds",
             "When the last successful retention run of this process ended (0: none yet).",
             Type::kGauge);
  out.Sample("meldpunt_retention_last_success_timestamp_seconds", {},
             static_cast<double>(stats.last_success_at));
}

}  // namespace

void AddMetricCollectors(metrics::Registry& registry, const MetricsSources& sources) {
  registry.Add([&requests = sources.requests](Exposition& out) { requests.Collect(out); });
  registry.Add([&store = sources.store](Exposition& out) { CollectStore(out, store); });
  registry.Add([&store = sources.store, now = sources.now](Exposition& out) {
    CollectOutbox(out, store, now());
  });
  registry.Add([sources](Exposition& out) { CollectLimits(out, sources); });
  registry.Add(
      [&retention = sources.retention](Exposition& out) { CollectRetention(out, retention); });
}

MetricsService::MetricsService(const Config& config, const MetricsSources& sources) {
  auto address = metrics::ParseListenAddress(config.metrics_listen);
  if (!address) throw std::runtime_error("--metrics-listen " + address.error());
  AddMetricCollectors(registry_, sources);
  router_.Add(
      http::Method::kGet, web::kMetricsPath,
      [this](const http::Request&) {
        http::Response response{200, {}, registry_.Render()};
        response.Set("Content-Type", std::string(metrics::kContentType));
        return response;
      },
      http::Runs::kOnWorker);
  http::ServerOptions options;
  options.address = address->host;
  options.port = address->port;
  options.io_threads = 1;
  options.worker_threads = 1;  // scrapes are answered one at a time
  server_ = std::make_unique<http::Server>(options, router_, [](int status, const http::Request*) {
    return http::Response::Text(status, "Error " + std::to_string(status) + "\n");
  });
  unsigned short port = 0;
  try {
    port = server_->Listen();
  } catch (const std::exception& e) {
    throw std::runtime_error("--metrics-listen " + config.metrics_listen + ": " + e.what());
  }
  log::Info("metrics listening", {{"address", address->host}, {"port", port}});
  thread_ = std::thread([this] { server_->Run(); });
}

MetricsService::~MetricsService() {
  // Normally stopped already by the signal that stopped the public server; not when Serve ends
  // by an exception.
  server_->Stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace meldpunt::app
