#include "security/receipts.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "domain/reports/receipt.hpp"

namespace meldpunt {
namespace {

Key Filled(unsigned char value) {
  Key key;
  key.fill(value);
  return key;
}

TEST(Receipts, TheSameSubmissionKeyGivesTheSameReceipt) {
  InitSodium();
  Receipts receipts(Filled(7));
  std::string first = receipts.ForSubmission("a-submission-key-0123456789");
  EXPECT_EQ(first.size(), kReceiptDigits);
  EXPECT_TRUE(NormaliseReceipt(first)) << first;
  EXPECT_EQ(receipts.ForSubmission("a-submission-key-0123456789"), first)
      << "a resent form shows the code again";
  EXPECT_EQ(Receipts(Filled(7)).ForSubmission("a-submission-key-0123456789"), first)
      << "after a restart too";
  EXPECT_NE(receipts.ForSubmission("a-submission-key-0123456788"), first);
  EXPECT_NE(Receipts(Filled(8)).ForSubmission("a-submission-key-0123456789"), first)
      << "without the server's key the receipt cannot be computed";
}

TEST(Receipts, RandomReceiptsAreWellFormedAndDiffer) {
  InitSodium();
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string receipt = Receipts::Random();
    EXPECT_TRUE(NormaliseReceipt(receipt)) << receipt;
    seen.insert(receipt);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Receipts, HashIsStableForLookupAndKeyed) {
  InitSodium();
  Receipts receipts(Filled(7));
  const std::string digits = "12345678901234567890";
  auto start = std::chrono::steady_clock::now();
  std::string hash = receipts.Hash(digits);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find(digits), std::string::npos);
  EXPECT_EQ(receipts.Hash(digits), hash) << "the same receipt finds the same row";
  EXPECT_NE(receipts.Hash("12345678901234567891"), hash);
  EXPECT_NE(Receipts(Filled(8)).Hash(digits), hash) << "the salt comes from the key file";
  // Light enough for every report sent; a gross mistake in the settings shows here.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 500);
}

TEST(Receipts, SubmissionKeysAreStoredAsAKeyedHash) {
  InitSodium();
  Receipts receipts(Filled(7));
  std::string hash = receipts.SubmissionKeyHash("a-submission-key-0123456789");
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(receipts.SubmissionKeyHash("a-submission-key-0123456789"), hash);
  EXPECT_NE(hash, HashToken("a-submission-key-0123456789")) << "not the unkeyed hash";
  EXPECT_NE(Receipts(Filled(8)).SubmissionKeyHash("a-submission-key-0123456789"), hash);
}

TEST(Receipts, CookieCipherIsItsOwnKey) {
  InitSodium();
  Receipts receipts(Filled(7));
  std::string sealed = receipts.cookie_cipher().Seal("MP-2026-000001", "receipt-cookie");
  EXPECT_EQ(*receipts.cookie_cipher().Open(sealed, "receipt-cookie"), "MP-2026-000001");
  EXPECT_FALSE(Cipher(Filled(7)).Open(sealed, "receipt-cookie").ok());
}

}  // namespace
}  // namespace meldpunt
