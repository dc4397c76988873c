#include "app/retention_service.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>

#include "app/command_util.hpp"
#include "base/log.hpp"
#include "domain/cases/retention.hpp"
#include "domain/date.hpp"
#include "store/open_store.hpp"
#include "store/retention.hpp"

namespace meldpunt::app {
namespace {

// A failed run is tried again after this long rather than a day later.
constexpr long long kRetryAfterFailureSeconds = 3600;
// The wait for the next run is taken in steps, so a changed clock (summer time, an adjusted
// system clock) moves the run with it.
constexpr long long kLongestWaitSeconds = 3600;

std::string DateOf(long long unix_seconds) {
  return FormatIsoDate(DateOfUnixSeconds(unix_seconds));
}

}  // namespace

RetentionService::RetentionService(const Config& config, Store& store,
                                   std::function<long long()> clock)
    : store_(store), clock_(std::move(clock)), hour_(config.retention_hour) {
  if (!config.retention_job) {
    log::Info("retention job off", {});
    return;
  }
  thread_ = std::thread([this] { Loop(); });
}

RetentionService::~RetentionService() { Stop(); }

void RetentionService::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionService::Loop() {
  bool ok = RunOnce();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // After a failure, try again sooner than tomorrow.
    long long wait = ok ? SecondsUntilDutchHour(clock_(), hour_) : kRetryAfterFailureSeconds;
    long long step = std::min(wait, kLongestWaitSeconds);
    if (wake_.wait_for(lock, std::chrono::seconds(step), [this] { return stopping_; })) break;
    if (step < wait) continue;
    lock.unlock();
    ok = RunOnce();
    lock.lock();
  }
}

RetentionService::Stats RetentionService::Read() const {
  return {succeeded_.load(), failed_.load(), anonymised_.load(), last_success_at_.load()};
}

bool RetentionService::RunOnce() {
  try {
    long long total = 0;
    for (const auto& result : ApplyRetention(store_, clock_(), false)) {
      total += result.reports;
      if (result.reports == 0) continue;
      log::Info("retention", {{"bureau", result.bureau_id},
                              {"months", result.months},
                              {"closed_before", DateOf(result.closed_before)},
                              {"anonymised", result.reports}});
    }
    log::Info("retention run", {{"anonymised", total}, {"next_hour", hour_}});
    anonymised_ += static_cast<std::uint64_t>(total);
    last_success_at_ = clock_();
    ++succeeded_;
    return true;
  } catch (const std::exception& e) {
    log::Error("retention run failed", {{"error", e.what()}});
    ++failed_;
    return false;
  }
}

int RunRetention(const Config& config, bool dry_run) {
  // Anonymising needs no data key: nothing is decrypted, and what goes is overwritten, not
  // re-sealed. Each anonymisation is audited, and audit entries are chained with their key.
  auto store =
      OpenStore(config.database, std::nullopt, AuditChainKey(LoadExistingMasterKey(config)));
  long long now = MakeClock(config)();
  for (const auto& result : ApplyRetention(*store, now, dry_run)) {
    std::cout << result.bureau_name << " (bureau " << result.bureau_id << "): " << result.reports
              << (dry_run ? " reports would be anonymised" : " reports anonymised")
              << "; retention " << result.months << " months, cases closed before "
              << DateOf(result.closed_before) << "\n";
  }
  if (dry_run) std::cout << "dry run: nothing was changed\n";
  return 0;
}

}  // namespace meldpunt::app
