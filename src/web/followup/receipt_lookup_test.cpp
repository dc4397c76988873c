// Signing in with a receipt code under both hash schemes, on a real SQLite file: a report stored
// with the legacy Argon2id hash (as before issue 16) is found and its hash upgraded to the keyed
// BLAKE2b one; a new report is found by the keyed hash alone; wrong codes and other keys fail.
#include "web/followup/receipt_lookup.hpp"

#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "domain/reports/test_report.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt::web {
namespace {

class ReceiptLookupTest : public SqliteStoreFixture {
 protected:
  long long Add(const std::string& submission_key, const std::string& receipt_hash) {
    NewReport report = TestReport("text", "none", "unknown", submission_key);
    report.receipt_hash = receipt_hash;
    return store_->AddReport(report, StartOfYearUnixSeconds(2026) + 60).id;
  }
  Receipts receipts_{KeyOf(9)};
};

constexpr std::string_view kOldCode = "11112222333344445555";
constexpr std::string_view kNewCode = "66667777888899990000";

TEST_F(ReceiptLookupTest, AnOldSchemeReportIsFoundAndUpgraded) {
  // Stored as a report from before issue 16 was: the Argon2id hash without a prefix.
  long long id = Add("old", receipts_.LegacyHash(kOldCode));
  EXPECT_FALSE(store_->FindReportByReceipt(receipts_.Hash(kOldCode))) << "not keyed yet";

  EXPECT_EQ(FindReportByReceipt(receipts_, *store_, kOldCode), id);
  // Upgraded: the keyed hash finds it, the legacy hash is gone.
  EXPECT_EQ(store_->FindReportByReceipt(receipts_.Hash(kOldCode)), id);
  EXPECT_FALSE(store_->FindReportByReceipt(receipts_.LegacyHash(kOldCode)));
  // And the next sign-in still works.
  EXPECT_EQ(FindReportByReceipt(receipts_, *store_, kOldCode), id);
}

TEST_F(ReceiptLookupTest, ANewSchemeReportIsFoundByTheKeyedHash) {
  long long id = Add("new", receipts_.Hash(kNewCode));
  EXPECT_EQ(FindReportByReceipt(receipts_, *store_, kNewCode), id);
  EXPECT_EQ(store_->FindReportByReceipt(receipts_.Hash(kNewCode)), id);
}

TEST_F(ReceiptLookupTest, WrongCodesAndAnotherKeyFindNothing) {
  Add("old", receipts_.LegacyHash(kOldCode));
  Add("new", receipts_.Hash(kNewCode));
  EXPECT_FALSE(FindReportByReceipt(receipts_, *store_, "11112222333344445556"));
  EXPECT_FALSE(FindReportByReceipt(receipts_, *store_, "66667777888899990001"));
  EXPECT_FALSE(FindReportByReceipt(receipts_, *store_, "not-a-receipt-xxxxxx"));
  // Another key file: neither scheme matches (the key and the salt come from it).
  Receipts other(KeyOf(10));
  EXPECT_FALSE(FindReportByReceipt(other, *store_, kOldCode));
  EXPECT_FALSE(FindReportByReceipt(other, *store_, kNewCode));
  // The wrong key did not upgrade (or damage) anything.
  EXPECT_TRUE(store_->FindReportByReceipt(receipts_.LegacyHash(kOldCode)));
}

}  // namespace
}  // namespace meldpunt::web
