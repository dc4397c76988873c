// The audit log on a real SQLite file: entries are chained, a bureau's log is filtered, the
// table is append-only, and changes made around meldpunt are found by VerifyAuditChain.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <thread>

#include "domain/date.hpp"
#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/soci/migrations.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class AuditStoreTest : public SqliteStoreFixture {
 protected:
  AuditStoreTest() : SqliteStoreFixture(KeyOf(1), KeyOf(5)) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    store_->AddBureau("ADV Utrecht", kNow);  // bureau 2
    for (auto [email, bureau] : {std::pair{"a@one.example", 1LL}, std::pair{"b@one.example", 1LL},
                                 std::pair{"c@two.example", 2LL}}) {
      NewStaffUser user;
      user.email = email;
      user.password_hash = "x";
      user.bureau_id = bureau;
      ASSERT_TRUE(store_->AddUser(user, kNow));
    }
    report_ = store_->AddReport(TestReport("text", "GM0363", "unknown", ""), kNow).id;
  }
  // Straight to the file, around the store, as someone with database access would.
  void Raw(const std::string& statement) {
    soci::session sql(soci::sqlite3, "db=" + file_ + " timeout=10");
    sql << statement;
  }
  std::vector<std::string> Actions(const AuditFilter& filter) {
    std::vector<std::string> actions;
    for (const auto& r : store_->ListAudit(filter, 100, 0)) actions.push_back(r.action);
    return actions;
  }
  static constexpr long long kNow = 1795651200;  // 2026-11-25
  long long report_ = 0;
};

TEST_F(AuditStoreTest, ABureausLogHasItsOwnEntriesAndWhatItsStaffDid) {
  store_->Audit(AuditEntry::ForCase(1, "report.read", report_, 1, "MP-2026-000001"), kNow);
  store_->Audit(AuditEntry::ForBureau(3, "login", 2, ""), kNow + 1);
  // Bureau 2's member tried bureau 1's case: on bureau 1's log (the case) and bureau 2's (staff).
  store_->Audit(AuditEntry::ForCase(3, "access.denied", report_, 1, "other bureau"), kNow + 2);
  store_->Audit(AuditEntry::ForBureau(2, "access.denied", std::nullopt, "no bureau"), kNow + 3);

  AuditFilter one;
  one.bureau_id = 1;
  EXPECT_EQ(Actions(one),
            (std::vector<std::string>{"access.denied", "access.denied", "report.read"}));
  AuditFilter two;
  two.bureau_id = 2;
  EXPECT_EQ(Actions(two), (std::vector<std::string>{"access.denied", "login"}));

  auto records = store_->ListAudit(one, 100, 0);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].user_email, "a@one.example");
  EXPECT_EQ(records[2].report_id, report_);
  EXPECT_EQ(records[2].report_reference, "MP-2026-000001");
  EXPECT_EQ(records[2].bureau_id, 1);
  EXPECT_EQ(records[2].at, kNow);
  EXPECT_EQ(records[2].detail, "MP-2026-000001");
  EXPECT_EQ(store_->CountAuditMatching(one), 3);
  EXPECT_EQ(store_->ListAudit(one, 1, 1).front().id, records[1].id);  // paged, newest first
}

TEST_F(AuditStoreTest, EntriesInTheOlderFormAndBySystemArePlaced) {
  store_->Audit(1, "report.classify", "MP-2026-000001 2025.1", kNow);  // the case, its bureau
  store_->Audit(3, "report.read", "MP-2025-000001", kNow);  // no such case: the member's bureau
  store_->Audit(3, "search", "grounds origin; 4 found", kNow);
  store_->AuditSystem("report.closed.registration_only", "MP-2026-000001", kNow);
  AuditFilter one;
  one.bureau_id = 1;
  auto records = store_->ListAudit(one, 10, 0);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].action, "report.closed.registration_only");
  EXPECT_EQ(records[0].user_id, 0);  // meldpunt itself
  EXPECT_EQ(records[0].report_id, report_);
  EXPECT_EQ(records[0].bureau_id, 1);
  EXPECT_EQ(records[1].report_id, report_);
  AuditFilter two;
  two.bureau_id = 2;
  records = store_->ListAudit(two, 10, 0);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[1].report_id);
  EXPECT_EQ(records[1].bureau_id, 2);
  EXPECT_TRUE(store_->VerifyAuditChain().intact);
}

TEST_F(AuditStoreTest, FiltersOnCaseStaffActionPeriodAndPaging) {
  AuditEntry listing = AuditEntry::ForBureau(2, "list_reports", 1, "2 reports");
  listing.listed_from = report_;
  listing.listed_to = report_ + 5;
  store_->Audit(listing, kNow);
  store_->Audit(AuditEntry::ForCase(1, "report.read", report_, 1, ""), kNow + 100);
  store_->Audit(AuditEntry::ForCase(1, "report.read", report_ + 9, 1, ""), kNow + 200);
  store_->Audit(AuditEntry::ForBureau(1, "login", 1, ""), kNow + 300);

  AuditFilter f;
  f.bureau_id = 1;
  f.report_id = report_;
  EXPECT_EQ(Actions(f), (std::vector<std::string>{"report.read", "list_reports"}));
  f.report_year = 2026;
  EXPECT_EQ(Actions(f).size(), 2u);
  f.report_year = 2025;  // MP-2025-000001 is not this case
  EXPECT_TRUE(Actions(f).empty());

  AuditFilter staff;
  staff.bureau_id = 1;
  staff.staff_email = "b@one.example";
  EXPECT_EQ(Actions(staff), (std::vector<std::string>{"list_reports"}));

  AuditFilter action;
  action.bureau_id = 1;
  action.action = "report.read";
  EXPECT_EQ(store_->CountAuditMatching(action), 2);

  AuditFilter period;
  period.bureau_id = 1;
  period.from = kNow + 100;
  period.until = kNow + 300;  // up to, not including
  EXPECT_EQ(Actions(period), (std::vector<std::string>{"report.read", "report.read"}));

  AuditFilter upto;
  upto.bureau_id = 1;
  upto.up_to_id = store_->ListAudit(action, 1, 0).front().id;
  EXPECT_EQ(store_->CountAuditMatching(upto), 3);
}

TEST_F(AuditStoreTest, TheChainHoldsAndConcurrentWritersKeepItLinear) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i)
        store_->Audit(AuditEntry::ForCase(1, "report.read", report_, 1, std::to_string(t)), kNow);
    });
  }
  for (auto& t : threads) t.join();
  auto report = store_->VerifyAuditChain();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.chained, 100);
  EXPECT_EQ(report.legacy, 0);
}

TEST_F(AuditStoreTest, ALongDetailIsCutAtACharacterBoundary) {
  std::string detail = "x";  // then "é" (C3 A9) 600 times: 1201 bytes
  for (int i = 0; i < 600; ++i) detail += "\xC3\xA9";
  store_->Audit(AuditEntry::ForBureau(1, "bureau.add", 1, detail), kNow);
  AuditFilter f;
  f.bureau_id = 1;
  std::string stored = store_->ListAudit(f, 1, 0).front().detail;
  EXPECT_EQ(stored.size(), 999u);  // 1000 would split an "é"
  EXPECT_EQ(stored.back(), '\xA9');
  EXPECT_TRUE(store_->VerifyAuditChain().intact);
}

TEST_F(AuditStoreTest, TheTableRefusesUpdatesAndDeletes) {
  store_->Audit(AuditEntry::ForCase(1, "report.read", report_, 1, ""), kNow);
  EXPECT_THROW(Raw("UPDATE audit_log SET action = 'x'"), soci::soci_error);
  EXPECT_THROW(Raw("DELETE FROM audit_log"), soci::soci_error);
  EXPECT_THROW(Raw("DELETE FROM audit_chain"), soci::soci_error);
  EXPECT_EQ(store_->CountAudit("report.read"), 1);
  EXPECT_TRUE(store_->VerifyAuditChain().intact);
}

TEST_F(AuditStoreTest, AChangedEntryIsNamed) {
  for (int i = 0; i < 3; ++i)
    store_->Audit(AuditEntry::ForCase(1, "report.read", report_, 1, ""), kNow + i);
  long long second = store_->ListAudit(AuditFilter{1, {}, {}, "", "", {}, {}, {}}, 3, 1)[0].id;
  // Someone with the database but not the key drops the trigger and rewrites who it was.
  Raw("DROP TRIGGER audit_log_no_update");
  Raw("UPDATE audit_log SET user_id = 2 WHERE id = " + std::to_string(second));
  auto report = store_->VerifyAuditChain();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_id, second);
  EXPECT_NE(report.problem.find("does not match its hash"), std::string::npos) << report.problem;
  EXPECT_EQ(report.chained, 1);
}

TEST_F(AuditStoreTest, ACopiedHashOrAMissingEndIsFound) {
  for (int i = 0; i < 3; ++i)
    store_->Audit(AuditEntry::ForCase(1, "report.read", report_, 1, ""), kNow + i);
  {
    // The last entry removed (trigger dropped first): the head says there were three.
    Raw("DROP TRIGGER audit_log_no_delete");
    Raw("DELETE FROM audit_log WHERE seq = 3");
    auto report = store_->VerifyAuditChain();
    EXPECT_FALSE(report.intact);
    EXPECT_FALSE(report.broken_id);
    EXPECT_NE(report.problem.find("entries at the end are gone"), std::string::npos)
        << report.problem;
  }
  // A forged third entry that borrows the second one's hash does not fit either.
  Raw("INSERT INTO audit_log (at, user_id, action, subject, seq, chain_hash) SELECT at, user_id, "
      "action, subject, 3, chain_hash FROM audit_log WHERE seq = 2");
  auto report = store_->VerifyAuditChain();
  EXPECT_FALSE(report.intact);
  EXPECT_NE(report.problem.find("does not match its hash"), std::string::npos) << report.problem;
}

TEST_F(AuditStoreTest, WithoutTheKeyNothingIsWrittenOrVerified) {
  store_.reset();
  auto keyless = Open(KeyOf(1));
  EXPECT_THROW(keyless->Audit(1, "login", "", kNow), StoreError);
  EXPECT_THROW(keyless->VerifyAuditChain(), StoreError);
  EXPECT_EQ(keyless->CountAudit("login"), 0);
  // Another key: the chain written with the right one does not verify.
  keyless.reset();
  store_ = Open(KeyOf(1), KeyOf(5));
  store_->Audit(1, "login", "", kNow);
  store_.reset();
  auto wrong = Open(KeyOf(1), KeyOf(6));
  EXPECT_FALSE(wrong->VerifyAuditChain().intact);
}

// Entries written before migration 11 are not chained; they get their case and bureau from what
// they say, are counted, and one slipped in among them later is noticed.
// A database made by hand before the store opens it.
class AuditMigration : public SqliteStoreFixture {
 protected:
  void SetUp() override { MakeFolder(); }
};

TEST_F(AuditMigration, EarlierEntriesGetTheirCaseAndBureauAndStayOutsideTheChain) {
  std::string file = file_;
  {
    // The database as it was before migration 11, with entries in the old form (ids 1, 2, 5).
    soci::session sql(soci::sqlite3, "db=" + file);
    sql << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT "
           "NULL)";
    for (const auto& m : AllMigrations()) {
      if (m.version >= 11) continue;
      for (const auto& statement : SplitStatements(SqlForEngine(m.sql, Engine::kSqlite)))
        sql << statement;
      sql << "INSERT INTO schema_migrations VALUES (" << m.version << ", 'x')";
    }
    sql << "INSERT INTO staff_users (email, password_hash, role, created_at, bureau_id) VALUES "
           "('a@one.example', 'x', 'handler', 0, 1)";
    sql << "INSERT INTO bureaus (name, created_at) VALUES ('Tweede', 0)";
    sql << "INSERT INTO reports (reported_at, reported_year, incident_date, incident_municipality, "
           "residence_municipality, anonymous, channel, description_enc, bureau_id) VALUES "
           "(1795651200, 2026, '2026-11-01', 'GM0344', 'unknown', 1, 'web', 'v1:x', 2)";
    sql << "INSERT INTO audit_log (id, at, user_id, action, subject) VALUES "
           "(1, 1, 1, 'report.read', 'MP-2026-000001'), "
           "(2, 2, 1, 'report.status', 'MP-2026-000001: closed'), "
           "(5, 3, 1, 'login', 'a@one.example')";
  }
  auto store = OpenStore("sqlite:" + file, KeyOf(1), KeyOf(5));  // runs migration 11
  store->Audit(AuditEntry::ForBureau(1, "login", 1, ""), 10);
  AuditFilter second;
  second.bureau_id = 2;
  second.report_id = 1;
  EXPECT_EQ(store->CountAuditMatching(second), 2);  // the case is bureau 2's
  AuditFilter first;
  first.bureau_id = 1;
  first.action = "login";
  EXPECT_EQ(store->CountAuditMatching(first), 2);  // the staff member's bureau
  auto report = store->VerifyAuditChain();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.legacy, 3);
  EXPECT_EQ(report.chained, 1);
  {
    soci::session sql(soci::sqlite3, "db=" + file);
    sql << "INSERT INTO audit_log (id, at, user_id, action, subject) VALUES (3, 4, 1, 'login', "
           "'')";
  }
  report = store->VerifyAuditChain();
  EXPECT_FALSE(report.intact);
  EXPECT_NE(report.problem.find("from before the chain"), std::string::npos) << report.problem;
  store.reset();
}

}  // namespace
}  // namespace meldpunt
