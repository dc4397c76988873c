#include "store/soci/write_queue.hpp"

#include <soci/soci.h>

#include <vector>

#include "store/store.hpp"

namespace meldpunt {

WriteQueue::WriteQueue(std::unique_ptr<soci::session> session, size_t max_batch, size_t max_pending)
    : max_batch_(max_batch),
      max_pending_(max_pending),
      session_(std::move(session)),
      statements_(std::make_unique<StatementCache>(*session_, true)) {
  writer_ = std::thread([this] { Loop(); });
}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

void WriteQueue::Run(std::function<void(soci::session&)> work) {
  Item item{std::move(work), {}};
  auto done = item.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw StoreError("the database is shutting down");
    if (queue_.size() >= max_pending_) throw StoreBusy("too many writes waiting");
    queue_.push_back(&item);
  }
  wake_.notify_one();
  done.get();
}

size_t WriteQueue::Pending() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void WriteQueue::Loop() {
  // Work on this thread's connection finds the kept statements (PreparedStatements).
  PreparedStatements::KeepForThisThread(statements_.get());
  for (;;) {
    std::deque<Item*> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {  // stopping, and everything is committed
        PreparedStatements::KeepForThisThread(nullptr);
        return;
      }
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    batch_sizes_.Observe(batch.size());
    CommitBatch(batch);
  }
}

void WriteQueue::CommitBatch(std::deque<Item*>& batch) {
  soci::session& sql = *session_;
  StatementCache& statements = *statements_;
  std::vector<std::exception_ptr> errors(batch.size());
  try {
    statements.Execute("BEGIN IMMEDIATE");
    for (size_t i = 0; i < batch.size(); ++i) {
      try {
        statements.Execute("SAVEPOINT queued_write");
        batch[i]->work(sql);
        statements.Execute("RELEASE queued_write");
      } catch (...) {
        errors[i] = std::current_exception();
        statements.Execute("ROLLBACK TO queued_write");
        statements.Execute("RELEASE queued_write");
      }
    }
    statements.Execute("COMMIT");
  } catch (const std::exception& e) {
    try {
      statements.Execute("ROLLBACK");
    } catch (...) {
    }
    auto failure = std::make_exception_ptr(StoreError(std::string("commit failed: ") + e.what()));
    for (auto& error : errors) {
      if (!error) error = failure;
    }
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    if (errors[i]) {
      batch[i]->done.set_exception(errors[i]);
    } else {
      batch[i]->done.set_value();
    }
  }
}

}  // namespace meldpunt
