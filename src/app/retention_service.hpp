#pragma once
// Retention in the running server: a background thread that applies every bureau's retention
// period once at start and then every day at --retention-hour (Dutch time). Several servers on
// one database may all run it: a report is anonymised once (see Store::AnonymiseClosedReports).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "app/config.hpp"
#include "store/store.hpp"

namespace meldpunt::app {

class RetentionService {
 public:
  // Starts the job unless config.retention_job is off; clock gives Unix seconds (MakeClock).
  RetentionService(const Config& config, Store& store, std::function<long long()> clock);
  ~RetentionService();  // Stop()
  RetentionService(const RetentionService&) = delete;
  RetentionService& operator=(const RetentionService&) = delete;

  // Waits for a run in progress to finish, and ends the thread.
  void Stop();

  // For /metrics: runs since start, by outcome, what they anonymised, and when the last good one
  // ended (Unix seconds by the service's clock; 0: none yet).
  struct Stats {
    std::uint64_t succeeded = 0;
    std::uint64_t failed = 0;
    std::uint64_t anonymised = 0;
    long long last_success_at = 0;
  };
  Stats Read() const;

 private:
  void Loop();
  bool RunOnce();  // false when it failed (logged)

  Store& store_;
  const std::function<long long()> clock_;
  const int hour_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::atomic<std::uint64_t> succeeded_{0};
  std::atomic<std::uint64_t> failed_{0};
  std::atomic<std::uint64_t> anonymised_{0};
  std::atomic<long long> last_success_at_{0};
  std::thread thread_;
};

// `meldpunt retention run [--dry-run]`: prints per bureau how many reports were anonymised (or,
// dry run, are due); returns the exit code.
int RunRetention(const Config& config, bool dry_run);

}  // namespace meldpunt::app
