#pragma once
// Checkpoints of SQLite's write-ahead log on a thread of their own (issue 16).
//
// SQLite's default copies the log back into the database file on the connection that committed,
// once the log holds 1,000 pages: on the single writer, between two group commits, 7-8% of its
// time (perf). Attached to the writer's connection, this turns that off and does the same
// checkpoint (PASSIVE, at the same 1,000 pages) on its own connection and thread, so the writer
// goes on committing meanwhile; both connections may run at once in WAL mode. The log starts
// over only after a checkpoint that copied all of it, so at twice that size the writer copies
// the rest itself (little, as the thread did most): the log stays near 2,000 pages.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace soci {
class session;
}

namespace meldpunt {

class WalCheckpointer {
 public:
  // `connect` is how to open a connection to the same database (soci's sqlite3 connect string).
  explicit WalCheckpointer(std::string connect);
  ~WalCheckpointer();  // stops after the checkpoint in progress, if any
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Takes over the checkpoints of the writer's connection (sqlite3_wal_hook).
  void Attach(soci::session& writer);
  // Checkpoints done so far (for tests).
  long long Done() const;

  static constexpr int kPages = 1000;  // SQLite's own wal_autocheckpoint default
  // Past this, the writer checkpoints what is left itself, so that the log can start over.
  static constexpr int kWriterPages = 2 * kPages;

 private:
  static int OnCommit(void* self, void* db, const char* name, int pages);
  void Loop();

  std::unique_ptr<soci::session> session_;  // used by the checkpoint thread only
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;    // guarded by mutex_
  bool stopping_ = false;  // guarded by mutex_
  long long done_ = 0;     // guarded by mutex_
  std::thread thread_;
};

}  // namespace meldpunt
