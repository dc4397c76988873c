#include "store/soci/statement_cache.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>

#include "security/crypto.hpp"

namespace meldpunt {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-sc-" + RandomToken(6));
    std::filesystem::create_directories(dir_);
    sql_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + (dir_ / "c.db").string());
    *sql_ << "PRAGMA journal_mode=WAL";
    *sql_ << "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT, "
             "n INTEGER)";
  }
  void TearDown() override {
    sql_.reset();
    std::filesystem::remove_all(dir_);
  }
  long long Count() {
    soci::session other(soci::sqlite3, "db=" + (dir_ / "c.db").string());
    long long n = 0;
    other << "SELECT COUNT(*) FROM t", soci::into(n);
    return n;
  }
  std::filesystem::path dir_;
  std::unique_ptr<soci::session> sql_;
};

constexpr const char* kInsert =
    "INSERT INTO t (name, note, n) VALUES (:name, :note, :n) RETURNING id";

TEST_F(StatementCacheTest, AKeptStatementRunsAgainWithNewValuesAndCommits) {
  StatementCache cache(*sql_, true);
  cache.Execute("BEGIN IMMEDIATE");
  for (int i = 0; i < 100; ++i) {
    long long id = 0;
    Nullable<std::string> note;
    if (i % 2 == 0) note = {"even", false};
    ASSERT_TRUE(cache.Fetch(kInsert, std::tie(id), "name-" + std::to_string(i), note,
                            static_cast<long long>(i * 10)));
    EXPECT_EQ(id, i + 1);
  }
  // An INSERT ... RETURNING read once is reset, so the transaction can commit.
  cache.Execute("COMMIT");
  EXPECT_EQ(cache.size(), 3u);  // BEGIN, the insert, COMMIT: each prepared once
  EXPECT_EQ(Count(), 100);

  std::string name;
  Nullable<std::string> note;
  long long n = 0;
  ASSERT_TRUE(
      cache.Fetch("SELECT name, note, n FROM t WHERE id = :id", std::tie(name, note, n), 7LL));
  EXPECT_EQ(name, "name-6");
  EXPECT_FALSE(note.null);
  EXPECT_EQ(note.value, "even");
  EXPECT_EQ(n, 60);
  ASSERT_TRUE(
      cache.Fetch("SELECT name, note, n FROM t WHERE id = :id", std::tie(name, note, n), 8LL));
  EXPECT_EQ(name, "name-7");
  EXPECT_TRUE(note.null);
  EXPECT_FALSE(
      cache.Fetch("SELECT name, note, n FROM t WHERE id = :id", std::tie(name, note, n), 1000LL));
  EXPECT_EQ(name, "name-7");  // untouched when no row came
}

TEST_F(StatementCacheTest, ExecuteCountsChangedRowsAndForEachReadsEveryRow) {
  StatementCache cache(*sql_, true);
  for (int i = 0; i < 5; ++i) {
    cache.Execute("INSERT INTO t (name, n) VALUES (:name, :n)", "x" + std::to_string(i), i);
  }
  EXPECT_EQ(cache.Execute("UPDATE t SET note = 'big' WHERE n >= :n", 3), 2);
  EXPECT_EQ(cache.Execute("UPDATE t SET note = 'big' WHERE n >= :n", 10), 0);
  std::string name;
  int n = 0;
  std::vector<std::string> seen;
  for (int round = 0; round < 2; ++round) {  // twice: the kept statement reads from the start
    seen.clear();
    cache.ForEach(
        "SELECT name, n FROM t WHERE n < :n ORDER BY n", std::tie(name, n),
        [&] { seen.push_back(name + "=" + std::to_string(n)); }, 3);
    EXPECT_EQ(seen, (std::vector<std::string>{"x0=0", "x1=1", "x2=2"}));
  }
}

TEST_F(StatementCacheTest, AFailedRunLeavesTheStatementUsableAndOtherTypesAreRefused) {
  StatementCache cache(*sql_, true);
  cache.Execute("INSERT INTO t (name, n) VALUES (:name, :n)", std::string("same"), 1);
  // A constraint failure throws, and the same statement works again afterwards.
  EXPECT_THROW(cache.Execute("INSERT INTO t (name, n) VALUES (:name, :n)", std::string("same"), 2),
               soci::soci_error);
  cache.Execute("INSERT INTO t (name, n) VALUES (:name, :n)", std::string("other"), 3);
  EXPECT_EQ(Count(), 2);
  // The same text with other value types would bind wrongly: refused.
  EXPECT_THROW(cache.Execute("INSERT INTO t (name, n) VALUES (:name, :n)", std::string("x"),
                             std::string("3")),
               std::logic_error);
  // A NULL read into a plain variable throws, as soci does.
  std::string note;
  EXPECT_THROW(
      cache.Fetch("SELECT note FROM t WHERE name = :name", std::tie(note), std::string("same")),
      soci::soci_error);
}

TEST_F(StatementCacheTest, TheWriterThreadFindsItsCacheOtherSessionsGetOneOfTheirOwn) {
  StatementCache kept(*sql_, true);
  PreparedStatements::KeepForThisThread(&kept);
  {
    PreparedStatements statements(*sql_);
    EXPECT_EQ(&*statements, &kept);
    soci::session other(soci::sqlite3, "db=" + (dir_ / "c.db").string());
    PreparedStatements others(other);
    EXPECT_NE(&*others, &kept);
    others->Execute("INSERT INTO t (name) VALUES (:name)", std::string("from another session"));
  }
  PreparedStatements::KeepForThisThread(nullptr);
  PreparedStatements after(*sql_);
  EXPECT_NE(&*after, &kept);
  EXPECT_EQ(Count(), 1);
}

}  // namespace
}  // namespace meldpunt
