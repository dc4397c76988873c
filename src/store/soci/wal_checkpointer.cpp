#include "store/soci/wal_checkpointer.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace meldpunt {

WalCheckpointer::WalCheckpointer(std::string connect)
    : session_(std::make_unique<soci::session>(soci::sqlite3, connect)) {
  thread_ = std::thread([this] { Loop(); });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void WalCheckpointer::Attach(soci::session& writer) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(writer.get_backend());
  // Replaces the automatic checkpoint (sqlite3_wal_autocheckpoint installs a hook of its own).
  sqlite_api::sqlite3_wal_hook(
      backend->conn_,
      [](void* self, sqlite_api::sqlite3* db, const char* name, int pages) {
        return OnCommit(self, db, name, pages);
      },
      this);
}

int WalCheckpointer::OnCommit(void* self, void* db, const char*, int pages) {
  if (pages >= kWriterPages) {
    // The log starts over only when a write begins with all of it copied, which a checkpoint
    // running beside the writer seldom sees: here the writer copies what is left (little, after
    // the thread's checkpoint), so the next commit can start the log over.
    sqlite_api::sqlite3_wal_checkpoint_v2(static_cast<sqlite_api::sqlite3*>(db), nullptr,
                                          SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return 0;
  }
  if (pages >= kPages) {
    auto* me = static_cast<WalCheckpointer*>(self);
    {
      std::lock_guard lock(me->mutex_);
      me->wanted_ = true;
    }
    me->wake_.notify_one();
  }
  return 0;  // SQLITE_OK
}

long long WalCheckpointer::Done() const {
  std::lock_guard lock(mutex_);
  return done_;
}

void WalCheckpointer::Loop() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || wanted_; });
      if (stopping_) return;
      wanted_ = false;
    }
    try {
      // PASSIVE: copies what no reader still needs and never waits for anyone; the log starts
      // over once a checkpoint got everything and the next commit finds no reader on it.
      *session_ << "PRAGMA wal_checkpoint(PASSIVE)";
    } catch (const std::exception&) {
      // Busy or failing: the next commit over the threshold asks again.
    }
    std::lock_guard lock(mutex_);
    ++done_;
  }
}

}  // namespace meldpunt
