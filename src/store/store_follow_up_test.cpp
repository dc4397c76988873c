// The store's part for following reports up, on a real SQLite file: receipts, status, messages,
// the reporter's sessions, and migrations that arrive out of order.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <fstream>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/soci/soci_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class FollowUpStoreTest : public SqliteStoreFixture {
 protected:
  FollowUpStoreTest() : SqliteStoreFixture(KeyOf(4), std::nullopt) {}
  RegisteredReport Add(const std::string& submission_key, const std::string& receipt_hash) {
    NewReport report = TestReport("text", "none", "unknown", submission_key);
    report.receipt_hash = receipt_hash;
    return store_->AddReport(report, StartOfYearUnixSeconds(2026) + 60);
  }
};

TEST_F(FollowUpStoreTest, AReceiptHashFindsItsReport) {
  auto first = Add("key-one", "hash-one");
  auto second = Add("key-two", "hash-two");
  EXPECT_EQ(store_->FindReportByReceipt("hash-one"), first.id);
  EXPECT_EQ(store_->FindReportByReceipt("hash-two"), second.id);
  EXPECT_FALSE(store_->FindReportByReceipt("hash-three"));
  EXPECT_FALSE(store_->FindReportByReceipt(""));
  // A resent form is the same report with the same receipt, not a second receipt.
  auto again = Add("key-one", "hash-one");
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(store_->FindReportByReceipt("hash-one"), first.id);
  // A report without a receipt (a form from before receipts) is simply not findable.
  auto old = Add("", "");
  EXPECT_EQ(store_->CountReports(), 3);
  EXPECT_NE(old.id, 0);
}

TEST_F(FollowUpStoreTest, AnUpgradedReceiptHashFindsTheSameReport) {
  auto report = Add("key-one", "legacy-hash");
  auto other = Add("key-two", "k2:other");
  EXPECT_TRUE(store_->UpgradeReceiptHash("legacy-hash", "k2:new-hash"));
  EXPECT_EQ(store_->FindReportByReceipt("k2:new-hash"), report.id);
  EXPECT_FALSE(store_->FindReportByReceipt("legacy-hash")) << "the old hash is gone";
  EXPECT_EQ(store_->FindReportByReceipt("k2:other"), other.id) << "other receipts untouched";
  // A second sign-in that raced the first finds nothing left to upgrade.
  EXPECT_FALSE(store_->UpgradeReceiptHash("legacy-hash", "k2:new-hash"));
  EXPECT_EQ(store_->FindReportByReceipt("k2:new-hash"), report.id);
}

TEST_F(FollowUpStoreTest, LegacyReceiptHashesAreFoundUntilTheLastIsUpgraded) {
  EXPECT_FALSE(store_->AnyLegacyReceiptHash()) << "an empty store";
  Add("key-one", "k2:one");
  EXPECT_FALSE(store_->AnyLegacyReceiptHash()) << "only keyed hashes";
  Add("key-two", std::string(64, 'a'));  // an Argon2id hash: 64 hex digits
  Add("key-three", std::string(64, '0'));
  EXPECT_TRUE(store_->AnyLegacyReceiptHash());
  EXPECT_TRUE(store_->UpgradeReceiptHash(std::string(64, 'a'), "k2:two"));
  EXPECT_TRUE(store_->AnyLegacyReceiptHash()) << "one left";
  EXPECT_TRUE(store_->UpgradeReceiptHash(std::string(64, '0'), "k2:three"));
  EXPECT_FALSE(store_->AnyLegacyReceiptHash()) << "all upgraded";
}

TEST_F(FollowUpStoreTest, StatusStartsReceivedAndCanBeSet) {
  auto report = Add("key", "hash");
  EXPECT_EQ(store_->GetReport(report.id)->status, ReportStatus::kReceived);
  EXPECT_TRUE(store_->SetReportStatus(report.id, ReportStatus::kInProgress, 1));
  EXPECT_EQ(store_->GetReport(report.id)->status, ReportStatus::kInProgress);
  EXPECT_EQ(store_->ListReports(1, 0)[0].status, ReportStatus::kInProgress);
  EXPECT_FALSE(store_->SetReportStatus(report.id + 100, ReportStatus::kClosed, 1));
  EXPECT_FALSE(store_->GetReport(report.id + 100));
  EXPECT_EQ(store_->GetReport(report.id)->description, "text");
}

TEST_F(FollowUpStoreTest, MessagesAreEncryptedAndComeBackInOrder) {
  auto report = Add("key", "hash");
  auto other = Add("other", "other-hash");
  ASSERT_TRUE(store_->AddUser({"staff@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
  long long staff_id = store_->FindUser("staff@example.nl")->id;
  long long first = store_->AddMessage(report.id, MessageAuthor::kBureau, staff_id,
                                       "Secret-question-from-the-bureau", 100);
  long long second = store_->AddMessage(report.id, MessageAuthor::kReporter, std::nullopt,
                                        "Secret-answer-of-the-reporter", 200);
  store_->AddMessage(other.id, MessageAuthor::kReporter, std::nullopt, "elsewhere", 300);
  EXPECT_GT(second, first);
  auto messages = store_->ListMessages(report.id);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].id, first);
  EXPECT_EQ(messages[0].author, MessageAuthor::kBureau);
  EXPECT_EQ(messages[0].staff_email, "staff@example.nl");
  EXPECT_EQ(messages[0].body, "Secret-question-from-the-bureau");
  EXPECT_EQ(messages[0].at, 100);
  EXPECT_EQ(messages[1].author, MessageAuthor::kReporter);
  EXPECT_EQ(messages[1].staff_email, "");
  EXPECT_EQ(messages[1].body, "Secret-answer-of-the-reporter");
  EXPECT_TRUE(store_->ListMessages(report.id + 100).empty());
  std::string bytes = FileBytes();
  EXPECT_EQ(bytes.find("Secret-question-from-the-bureau"), std::string::npos);
  EXPECT_EQ(bytes.find("Secret-answer-of-the-reporter"), std::string::npos);
}

TEST_F(FollowUpStoreTest, SessionsExpireWhenIdleOrTooOldAndCanEnd) {
  auto report = Add("key", "hash");
  store_->AddFollowUpSession("token-a", report.id, 1000, 0);
  EXPECT_EQ(store_->UseFollowUpSession("token-a", 1500, 900, 0), report.id);
  EXPECT_EQ(store_->UseFollowUpSession("token-a", 2000, 1400, 0), report.id) << "used at 1500";
  EXPECT_FALSE(store_->UseFollowUpSession("token-a", 9000, 8000, 0)) << "idle too long";
  EXPECT_FALSE(store_->UseFollowUpSession("token-a", 2001, 0, 0)) << "and deleted";

  store_->AddFollowUpSession("token-b", report.id, 1000, 0);
  EXPECT_FALSE(store_->UseFollowUpSession("token-b", 1100, 0, 1001)) << "started too long ago";

  store_->AddFollowUpSession("token-c", report.id, 1000, 0);
  store_->EndFollowUpSession("token-c");
  EXPECT_FALSE(store_->UseFollowUpSession("token-c", 1001, 0, 0));
  EXPECT_FALSE(store_->UseFollowUpSession("unknown", 1001, 0, 0));

  // Starting a session forgets sessions last used before forget_before.
  store_->AddFollowUpSession("token-d", report.id, 1000, 0);
  store_->AddFollowUpSession("token-e", report.id, 5000, 2000);
  EXPECT_FALSE(store_->UseFollowUpSession("token-d", 5001, 0, 0));
  EXPECT_EQ(store_->UseFollowUpSession("token-e", 5001, 0, 0), report.id);
}

// A migration numbered below the highest applied one (work merged in another order than its
// numbers) is still applied when the store opens.
TEST_F(FollowUpStoreTest, MigrationsMissingBelowTheHighestAreApplied) {
  store_.reset();
  {
    soci::session sql(soci::sqlite3, "db=" + file_);
    sql << "DROP INDEX reports_by_submission_key";
    sql << "ALTER TABLE reports DROP COLUMN submission_key";
    sql << "DELETE FROM schema_migrations WHERE version = 2";
  }
  Key key;
  key.fill(4);
  store_ = Open(key);
  auto first = Add("same-key", "h1");
  auto second = Add("same-key", "h2");
  EXPECT_EQ(second.id, first.id) << "migration 2 (submission keys) is back";
  soci::session sql(soci::sqlite3, "db=" + file_);
  int count = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = 2", soci::into(count);
  EXPECT_EQ(count, 1);
}

}  // namespace
}  // namespace meldpunt
