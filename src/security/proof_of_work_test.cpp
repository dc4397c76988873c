#include "domain/reports/proof_of_work.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "security/proof_of_work_check.hpp"

namespace meldpunt {
namespace {

TEST(ProofOfWork, CountsLeadingZeroBits) {
  EXPECT_EQ(LeadingZeroBits(std::string("\x80", 1)), 0);
  EXPECT_EQ(LeadingZeroBits(std::string("\x01", 1)), 7);
  EXPECT_EQ(LeadingZeroBits(std::string("\x00\x00\x10\xff", 4)), 19);
  EXPECT_EQ(LeadingZeroBits(std::string("\x00\x00", 2)), 16);
}

TEST(ProofOfWork, AcceptsASolvedNonceForItsKeyOnly) {
  ASSERT_GE(sodium_init(), 0);
  const std::string key = "aaaaaaaaaaaaaaaaaaaaaaaa";
  std::string found;
  for (long long n = 0; n < 1'000'000 && found.empty(); ++n) {
    if (ProofOfWorkValid(key, std::to_string(n), 12)) found = std::to_string(n);
  }
  ASSERT_FALSE(found.empty());
  EXPECT_TRUE(ProofOfWorkValid(key, found, 12));
  // Another form's key needs its own work (this nonce almost surely fails 12 bits there).
  int other_ok = 0;
  for (char c = 'b'; c <= 'k'; ++c) {
    other_ok += ProofOfWorkValid(std::string(24, c), found, 12);
  }
  EXPECT_LE(other_ok, 1);
  EXPECT_FALSE(ProofOfWorkValid(key, "", 0));
  EXPECT_FALSE(ProofOfWorkValid(key, "12a", 0));
  EXPECT_FALSE(ProofOfWorkValid(key, std::string(21, '1'), 0));
  EXPECT_TRUE(ProofOfWorkValid(key, "5", 0));
}

}  // namespace
}  // namespace meldpunt
