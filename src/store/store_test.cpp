#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/database_url.hpp"
#include "store/open_store.hpp"
#include "store/soci/migrations.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

TEST(DatabaseUrl, ParsesBothEngines) {
  EXPECT_EQ(ParseDatabaseUrl("sqlite:var/m.db")->target, "var/m.db");
  EXPECT_EQ(ParseDatabaseUrl("sqlite:///tmp/m.db")->target, "/tmp/m.db");
  EXPECT_EQ(ParseDatabaseUrl("postgresql://u:p@127.0.0.1:5432/db")->engine, Engine::kPostgres);
  EXPECT_EQ(
      ParseDatabaseUrl("postgresql://me:p%27w@db.local:5433/meldpunt?sslmode=require")->target,
      "host='db.local' port='5433' dbname='meldpunt' user='me' password='p\\'w' sslmode='require'");
  EXPECT_FALSE(ParseDatabaseUrl("postgresql://u@h/db?bad-key=1").ok());
  EXPECT_FALSE(ParseDatabaseUrl("mysql://x").ok());
  EXPECT_FALSE(ParseDatabaseUrl("sqlite:").ok());
}

TEST(Migrations, AreNumberedInAscendingOrderAndAdaptedPerEngine) {
  int last = 0;
  for (const auto& m : AllMigrations()) {
    EXPECT_GT(m.version, last);  // gaps are allowed: branches own their numbers
    last = m.version;
  }
  auto pg = SqlForEngine("id {{id}}, x TEXT", Engine::kPostgres);
  EXPECT_EQ(pg, "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, x TEXT");
  EXPECT_EQ(SplitStatements("A;\nB;\n\nC").size(), 3u);
  // Statements for one engine only.
  const char* both = "A;\n{{sqlite}}\nS1; S2;\n{{/sqlite}}\n{{postgresql}}\nP;\n{{/postgresql}}\nB";
  auto trimmed = [](std::vector<std::string> statements) {
    for (auto& s : statements) s = s.substr(s.find_first_not_of('\n'));
    return statements;
  };
  EXPECT_EQ(trimmed(SplitStatements(SqlForEngine(both, Engine::kSqlite))),
            (std::vector<std::string>{"A", "S1; S2", "B"}));
  EXPECT_EQ(trimmed(SplitStatements(SqlForEngine(both, Engine::kPostgres))),
            (std::vector<std::string>{"A", "P", "B"}));
  EXPECT_THROW(SqlForEngine("{{sqlite}} A", Engine::kSqlite), std::logic_error);
}

// The store as the tests of this file open it.
class SqliteStore : public SqliteStoreFixture {
 protected:
  SqliteStore() : SqliteStoreFixture(KeyOf(9), std::nullopt) {}
};

// The SQLite store on a real file: what goes in comes out, personal data is not in the file in
// clear, and counts follow the registrations.
TEST_F(SqliteStore, RegistersEncryptsAndCounts) {
  std::string file = file_;
  {
    auto store = std::move(store_);  // closed at the end of the block
    NewReport report = TestReport("Uniquely-identifiable-text", "GM0363", "unknown", "");
    report.anonymous = false;
    report.contact = Contact{"Ann", "ann@example.nl", "", "email", "evenings", "Dutch"};
    long long now = StartOfYearUnixSeconds(2026) + 3600;
    auto first = store->AddReport(report, now);
    auto second = store->AddReport(report, now + 1);
    EXPECT_EQ(first.reference, "MP-2026-000001");
    EXPECT_EQ(second.id, first.id + 1);
    auto listed = store->ListReports(10, 0);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].id, second.id);  // newest first
    EXPECT_EQ(listed[0].description, "Uniquely-identifiable-text");
    EXPECT_EQ(listed[0].contact->email, "ann@example.nl");
    EXPECT_EQ(listed[0].contact->time, "evenings");
    EXPECT_EQ(listed[0].reporter_role, "victim");
    EXPECT_EQ(listed[0].nature, "hostile_treatment");
    EXPECT_EQ(listed[0].domain, "public_space");
    EXPECT_EQ(listed[0].incident_date, "2026-01-02");
    EXPECT_EQ(listed[0].grounds, (std::vector<std::string>{"origin", "religion.anti_muslim"}));
    EXPECT_EQ(listed[1].grounds, listed[0].grounds);
    EXPECT_EQ(listed[0].wishes, (std::vector<std::string>{"registration_only"}));
    EXPECT_FALSE(listed[0].is_complaint);
    auto counts = store->CountByMunicipality(2026);
    ASSERT_EQ(counts.size(), 2u);  // GM0363 as incident place, "unknown" as residence
    EXPECT_TRUE(store->CountByMunicipality(2025).empty());
  }
  // The file holds no personal data in clear.
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  auto wal = file + "-wal";
  if (std::filesystem::exists(wal)) {
    std::ifstream w(wal, std::ios::binary);
    bytes += std::string((std::istreambuf_iterator<char>(w)), {});
  }
  EXPECT_EQ(bytes.find("Uniquely-identifiable-text"), std::string::npos);
  EXPECT_EQ(bytes.find("ann@example.nl"), std::string::npos);
  EXPECT_NE(bytes.find("GM0363"), std::string::npos);
  // Reopening does not migrate twice, and a wrong key cannot read the reports.
  Key other;
  other.fill(10);
  auto reopened = OpenStore("sqlite:" + file, other);
  EXPECT_EQ(reopened->CountReports(), 2);
  EXPECT_THROW(reopened->ListReports(10, 0), StoreError);
}

TEST_F(SqliteStore, TheSameSubmissionKeyRegistersOneReport) {
  auto& store = store_;
  NewReport report = TestReport("text", "none", "unknown", "abcdefghijklmnopqrstuv");
  long long now = StartOfYearUnixSeconds(2026);
  std::vector<std::thread> threads;
  std::vector<RegisteredReport> results(6);
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] { results[t] = store->AddReport(report, now + t); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(store->CountReports(), 1);
  int duplicates = 0;
  for (const auto& r : results) {
    EXPECT_EQ(r.reference, results[0].reference);
    duplicates += r.duplicate;
  }
  EXPECT_EQ(duplicates, 5);
  report.submission_key.clear();  // forms without a key are never merged
  store->AddReport(report, now);
  store->AddReport(report, now);
  EXPECT_EQ(store->CountReports(), 3);
}

TEST_F(SqliteStore, ConcurrentWritesAllCommit) {
  auto& store = store_;
  NewReport report = TestReport("text", "none", "unknown", "");
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) store->AddReport(report, StartOfYearUnixSeconds(2026));
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(store->CountReports(), 400);
}

}  // namespace
}  // namespace meldpunt
