#include "security/receipts.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
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

TEST(Receipts, HashIsAKeyedFastHashStableForLookup) {
  InitSodium();
  Receipts receipts(Filled(7));
  const std::string digits = "12345678901234567890";
  std::string hash = receipts.Hash(digits);
  EXPECT_TRUE(hash.starts_with(kKeyedReceiptHashPrefix)) << hash;
  EXPECT_EQ(hash.size(), kKeyedReceiptHashPrefix.size() + 64);
  EXPECT_EQ(SchemeOfReceiptHash(hash), ReceiptHashScheme::kKeyedBlake2b);
  EXPECT_EQ(hash.find(digits), std::string::npos);
  EXPECT_EQ(receipts.Hash(digits), hash) << "the same receipt finds the same row";
  EXPECT_EQ(Receipts(Filled(7)).Hash(digits), hash) << "after a restart too";
  EXPECT_NE(receipts.Hash("12345678901234567891"), hash) << "a wrong code does not match";
  EXPECT_NE(Receipts(Filled(8)).Hash(digits), hash) << "the key comes from the key file";
  EXPECT_NE(hash.substr(kKeyedReceiptHashPrefix.size()), HashToken(digits)) << "not unkeyed";
  EXPECT_NE(hash.substr(kKeyedReceiptHashPrefix.size()), receipts.SubmissionKeyHash(digits))
      << "its own sub-key, not the submission key's";
  // Fast: thousands of reports a second must not wait for it (Argon2id took 4-5 ms each).
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) receipts.Hash(digits);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 200);
}

TEST(Receipts, LegacyArgon2idHashIsStillComputedAsBefore) {
  InitSodium();
  Receipts receipts(Filled(7));
  const std::string digits = "12345678901234567890";
  std::string legacy = receipts.LegacyHash(digits);
  EXPECT_EQ(legacy.size(), 64u) << "stored without a prefix, as before issue 16";
  EXPECT_EQ(legacy.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(SchemeOfReceiptHash(legacy), ReceiptHashScheme::kArgon2id);
  // The hash reports were stored with before issue 16: Argon2id, 2 passes, 2 MiB, with the salt
  // sub-key (purpose 2) of the receipt key. Computed here independently of Receipts.
  Key salt = DeriveKey(Filled(7), 2);
  std::array<unsigned char, 32> out;
  ASSERT_EQ(crypto_pwhash(out.data(), out.size(), digits.data(), digits.size(), salt.data(), 2,
                          2 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13),
            0);
  std::string expected(65, '\0');
  sodium_bin2hex(expected.data(), expected.size(), out.data(), out.size());
  expected.pop_back();
  EXPECT_EQ(legacy, expected);
  EXPECT_EQ(receipts.LegacyHash(digits), legacy);
  EXPECT_NE(receipts.LegacyHash("12345678901234567891"), legacy);
  EXPECT_NE(Receipts(Filled(8)).LegacyHash(digits), legacy) << "the salt comes from the key file";
  EXPECT_NE(receipts.Hash(digits), legacy) << "the two schemes never give the same text";
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
