#include "store/soci/wal_checkpointer.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "security/crypto.hpp"

namespace meldpunt {
namespace {

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-wal-" + RandomToken(6));
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "w.db").string();
    writer_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + file_ + " timeout=5");
    *writer_ << "PRAGMA journal_mode=WAL";
    *writer_ << "PRAGMA synchronous=NORMAL";
    *writer_ << "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)";
  }
  void TearDown() override {
    writer_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Commits `transactions` writes of about 20 pages each, as a steady stream of reports would.
  void Write(int transactions) {
    for (int i = 0; i < transactions; ++i) {
      soci::transaction tx(*writer_);
      *writer_ << "INSERT INTO t (v) SELECT randomblob(4000) FROM (WITH RECURSIVE n(x) AS "
                  "(SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20) SELECT x FROM n)";
      tx.commit();
    }
  }
  std::uintmax_t LogBytes() const {
    std::error_code error;
    auto bytes = std::filesystem::file_size(file_ + "-wal", error);
    return error ? 0 : bytes;
  }
  std::filesystem::path dir_;
  std::string file_;
  std::unique_ptr<soci::session> writer_;
};

TEST_F(WalCheckpointerTest, TheLogStaysSmallAndIsCopiedBackOnItsOwnThread) {
  WalCheckpointer checkpointer("db=" + file_ + " timeout=5");
  checkpointer.Attach(*writer_);
  Write(1000);  // about 20,000 pages through the log: ten times the writer's own threshold
  // The log starts over instead of growing: it stays near the writer's threshold (a
  // checkpoint that runs only beside the writer never lets it start over; the writer's own
  // copying of what is left does).
  EXPECT_LT(LogBytes(), 16u << 20);  // 16 MiB, of the 80 MB written
  // And the thread did checkpoints of its own (were the hook not attached, SQLite's default
  // would keep the log small too, but none of these would have run).
  for (int i = 0; i < 100 && checkpointer.Done() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(checkpointer.Done(), 0);
  long long rows = 0;
  *writer_ << "SELECT COUNT(*) FROM t", soci::into(rows);
  EXPECT_EQ(rows, 20000);
}

}  // namespace
}  // namespace meldpunt
