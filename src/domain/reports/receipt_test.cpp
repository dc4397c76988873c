#include "domain/reports/receipt.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(Receipt, NormalisesWhatPeopleType) {
  const std::string digits = "12345678901234567890";
  EXPECT_EQ(NormaliseReceipt(digits), digits);
  EXPECT_EQ(NormaliseReceipt("1234 5678 9012 3456 7890"), digits);
  EXPECT_EQ(NormaliseReceipt("1234-5678-9012-3456-7890"), digits);
  EXPECT_EQ(NormaliseReceipt("  1234.5678.9012.3456.7890\n"), digits);
  const std::string nbsp = "\xC2\xA0", narrow_nbsp = "\xE2\x80\xAF", nb_hyphen = "\xE2\x80\x91";
  EXPECT_EQ(
      NormaliseReceipt("1234" + nbsp + "5678" + narrow_nbsp + "9012" + nb_hyphen + "3456 7890"),
      digits)
      << "no-break spaces and hyphens from a text editor or a print";
  EXPECT_EQ(NormaliseReceipt("12 34 56 78 90 12 34 56 78 90"), digits) << "any grouping";
}

TEST(Receipt, RefusesAnythingElse) {
  EXPECT_FALSE(NormaliseReceipt(""));
  EXPECT_FALSE(NormaliseReceipt("1234 5678 9012 3456 789")) << "19 digits";
  EXPECT_FALSE(NormaliseReceipt("1234 5678 9012 3456 78901")) << "21 digits";
  EXPECT_FALSE(NormaliseReceipt("1234 5678 9012 3456 789O")) << "a letter O";
  EXPECT_FALSE(NormaliseReceipt("MP-2026-000042"));
  const std::string fullwidth_one = "\xEF\xBC\x91";
  EXPECT_FALSE(NormaliseReceipt(fullwidth_one + "2345678901234567890")) << "a full-width digit";
  EXPECT_FALSE(NormaliseReceipt(std::string(200, ' ') + "12345678901234567890"));
}

TEST(Receipt, FormatsInGroupsOfFour) {
  EXPECT_EQ(FormatReceipt("12345678901234567890"), "1234 5678 9012 3456 7890");
  EXPECT_EQ(ReceiptGroups("12345678901234567890"),
            (std::vector<std::string>{"1234", "5678", "9012", "3456", "7890"}));
  EXPECT_EQ(NormaliseReceipt(FormatReceipt("00000000000000000001")), "00000000000000000001");
}

TEST(Receipt, TwentyDigitsFromSixteenBytes) {
  std::array<unsigned char, kReceiptSeedBytes> zero{};
  EXPECT_EQ(ReceiptFromBytes(zero), "00000000000000000000") << "leading zeros are kept";
  std::array<unsigned char, kReceiptSeedBytes> ones;
  ones.fill(0xff);
  // 2^64 - 1 = 18446744073709551615; its last ten digits, twice.
  EXPECT_EQ(ReceiptFromBytes(ones), "37095516153709551615");
  std::array<unsigned char, kReceiptSeedBytes> seed{};
  seed[7] = 42;
  seed[15] = 7;
  EXPECT_EQ(ReceiptFromBytes(seed), "00000000420000000007");
}

}  // namespace
}  // namespace meldpunt
