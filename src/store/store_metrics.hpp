#pragma once
// What the store counts for /metrics (issue 17): in-process counters and the writer's state, read
// without touching the database, and the outbox backlog, read with one indexed query.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "metrics/exposition.hpp"

namespace meldpunt {

struct StoreStats {
  // SQLite's single writer (store/soci/write_queue.hpp); nullopt on PostgreSQL.
  std::optional<std::uint64_t> write_queue_depth;
  std::optional<metrics::HistogramSnapshot> group_commit_size;  // writes per commit
  std::uint64_t pool_size = 0;
  // Sessions asked for when no pooled connection was free (the asker waited).
  std::uint64_t pool_waits = 0;
  // Reports registered by this process since it started, by channel code (web, phone, ...; a
  // code outside the known ones counts as "other"). A resent form that found its report is not
  // counted again.
  std::vector<std::pair<std::string, std::uint64_t>> reports_by_channel;
  std::uint64_t mail_given_up = 0;  // e-mails given up by this process since it started
};

struct OutboxBacklog {
  long long pending = 0;
  std::optional<long long> oldest_pending_at;  // Unix seconds
};

class StoreMetrics {
 public:
  virtual ~StoreMetrics() = default;

  // Never blocks on the database: safe anywhere.
  virtual StoreStats Stats() = 0;
  // E-mails waiting to be sent or retried (the outbox's partial index, not a table scan). May
  // block; throws StoreError.
  virtual OutboxBacklog CountOutboxBacklog() = 0;
};

}  // namespace meldpunt
