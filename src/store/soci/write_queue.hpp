#pragma once
// SQLite has one writer. Every write goes through this queue; one thread takes whatever has
// queued up and commits it as one transaction (one fsync for many submissions), the way LevelDB
// groups its writers. Each write runs inside its own savepoint, so a failing write fails alone.
// Run() returns only after the commit that holds the write.
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "metrics/instruments.hpp"
#include "store/soci/statement_cache.hpp"

namespace meldpunt {

class WriteQueue {
 public:
  WriteQueue(std::unique_ptr<soci::session> session, size_t max_batch, size_t max_pending);
  ~WriteQueue();  // commits what is queued, then stops
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Throws StoreError when the queue is full or the commit fails; rethrows what work threw.
  void Run(std::function<void(soci::session&)> work);
  // Writes waiting for the writer (not counting the batch being committed).
  size_t Pending();
  // Writes per committed transaction, for /metrics (the group commit's size).
  metrics::HistogramSnapshot BatchSizes() const { return batch_sizes_.Snapshot(); }

 private:
  struct Item {
    std::function<void(soci::session&)> work;
    std::promise<void> done;
  };
  void Loop();
  void CommitBatch(std::deque<Item*>& batch);

  const size_t max_batch_;
  const size_t max_pending_;
  std::unique_ptr<soci::session> session_;  // used by the writer thread only
  // The writer's statements, prepared once (statement_cache.hpp); used by the writer thread only.
  std::unique_ptr<StatementCache> statements_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Item*> queue_;  // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
  metrics::Histogram batch_sizes_{{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}};
  std::thread writer_;
};

}  // namespace meldpunt
