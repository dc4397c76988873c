#include "store/soci/write_queue.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "security/crypto.hpp"
#include "store/store.hpp"

namespace meldpunt {
namespace {

class WriteQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-wq-" + RandomToken(6));
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "q.db").string();
    soci::session setup(soci::sqlite3, "db=" + file_);
    setup << "CREATE TABLE t (v INTEGER NOT NULL)";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::unique_ptr<soci::session> Open() {
    auto session = std::make_unique<soci::session>(soci::sqlite3, "db=" + file_ + " timeout=5");
    *session << "PRAGMA journal_mode=WAL";
    return session;
  }
  long long Count() {
    soci::session sql(soci::sqlite3, "db=" + file_);
    long long n = 0;
    sql << "SELECT COUNT(*) FROM t", soci::into(n);
    return n;
  }
  std::filesystem::path dir_;
  std::string file_;
};

TEST_F(WriteQueueTest, AWriteIsVisibleToOtherConnectionsWhenRunReturns) {
  WriteQueue queue(Open(), 64, 100);
  queue.Run([](soci::session& sql) { sql << "INSERT INTO t (v) VALUES (1)"; });
  EXPECT_EQ(Count(), 1);
}

TEST_F(WriteQueueTest, AFailingWriteFailsAloneAndLeavesNothingBehind) {
  WriteQueue queue(Open(), 64, 1000);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        try {
          queue.Run([&](soci::session& sql) {
            sql << "INSERT INTO t (v) VALUES (1)";
            // Every fifth write fails after it inserted: its insert must be rolled back.
            if ((t * 20 + i) % 5 == 0) throw std::runtime_error("fail on purpose");
          });
        } catch (const std::runtime_error&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 32);
  EXPECT_EQ(Count(), 160 - 32);
}

TEST_F(WriteQueueTest, RefusesWorkBeyondItsLimit) {
  std::atomic<bool> started{false}, release{false};
  WriteQueue queue(Open(), 1, 1);
  // The first write holds the writer; the second waits in the queue; the third is refused.
  std::thread first([&] {
    queue.Run([&](soci::session&) {
      started = true;
      while (!release) std::this_thread::yield();
    });
  });
  while (!started) std::this_thread::yield();
  std::thread second(
      [&] { queue.Run([](soci::session& sql) { sql << "INSERT INTO t (v) VALUES (2)"; }); });
  while (queue.Pending() == 0) std::this_thread::yield();
  EXPECT_THROW(queue.Run([](soci::session&) {}), StoreBusy);
  release = true;
  first.join();
  second.join();
  EXPECT_EQ(Count(), 1);
}

}  // namespace
}  // namespace meldpunt
