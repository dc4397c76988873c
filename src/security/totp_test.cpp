#include "security/totp.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "security/common_passwords.hpp"
#include "security/crypto.hpp"
#include "security/password.hpp"
#include "security/recovery_codes.hpp"

namespace meldpunt {
namespace {

// RFC 6238, appendix B (SHA-1), the last six of the eight digits.
TEST(Totp, MatchesTheRfcTestVectors) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(TotpCode(secret, TotpStep(59)), "287082");
  EXPECT_EQ(TotpCode(secret, TotpStep(1111111109)), "081804");
  EXPECT_EQ(TotpCode(secret, TotpStep(1234567890)), "005924");
  EXPECT_EQ(TotpCode(secret, TotpStep(2000000000)), "279037");
}

TEST(Totp, AcceptsOneStepEitherSideAndNeverAUsedStep) {
  const std::string secret = "12345678901234567890";
  const long long now = 1234567890;
  const long long step = TotpStep(now);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step), now, 0), step);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step - 1), now, 0), step - 1);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step + 1), now, 0), step + 1);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step - 2), now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step + 2), now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step), now, step), std::nullopt) << "replay";
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step - 1), now, step), std::nullopt);
  std::string code = TotpCode(secret, step);
  EXPECT_EQ(MatchTotp(secret, code.substr(0, 3) + " " + code.substr(3), now, 0), step);
  EXPECT_EQ(MatchTotp(secret, "", now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, code + "1", now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, "abcdef", now, 0), std::nullopt);
}

TEST(Totp, SecretsAreRandomAndEncodedForApps) {
  InitSodium();
  std::string a = NewTotpSecret(), b = NewTotpSecret();
  EXPECT_EQ(a.size(), kTotpSecretBytes);
  EXPECT_NE(a, b);
  EXPECT_EQ(Base32("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(GroupedBase32("12345678901234567890").substr(0, 10), "GEZD GNBV ");
  EXPECT_EQ(OtpauthUri("Meldpunt Discriminatie", "a@b.nl", "12345678901234567890"),
            "otpauth://totp/Meldpunt%20Discriminatie:a%40b.nl?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Meldpunt%20Discriminatie&algorithm=SHA1&"
            "digits=6&period=30");
}

TEST(RecoveryCodes, TenDifferentCodesThatNormaliseAndHash) {
  InitSodium();
  auto codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(codes[0].size(), 19u);  // four groups of four, with dashes
  EXPECT_NE(codes[0], codes[1]);
  auto normal = NormaliseRecoveryCode(codes[0]);
  ASSERT_TRUE(normal);
  EXPECT_EQ(normal->size(), 16u);
  std::string shouted;
  for (char c : codes[0]) shouted += static_cast<char>(std::toupper(c));
  EXPECT_EQ(NormaliseRecoveryCode(" " + shouted + " "), normal) << "case and spaces do not matter";
  EXPECT_EQ(NormaliseRecoveryCode("abcd-efgh-ijkl-mn0p"), "abcdefghijklmnop") << "0 is o";
  EXPECT_EQ(NormaliseRecoveryCode("123456"), std::nullopt);
  EXPECT_EQ(NormaliseRecoveryCode("abcd-efgh-ijkl-mnop-q"), std::nullopt);
  EXPECT_EQ(HashRecoveryCode(*normal), HashRecoveryCode(*normal));
  EXPECT_NE(HashRecoveryCode(*normal), *normal);
}

TEST(Passwords, LengthInCharactersNotBytesAndNoCompositionRules) {
  EXPECT_EQ(CheckPassword("elf tekens!", nullptr), PasswordProblem::kTooShort);
  EXPECT_EQ(CheckPassword("twaalf tekens", nullptr), PasswordProblem::kNone);
  EXPECT_EQ(CheckPassword("ééééééééééé", nullptr), PasswordProblem::kTooShort)
      << "11 characters are 22 bytes, still too short";
  EXPECT_EQ(CheckPassword("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", nullptr),
            PasswordProblem::kNone);
  EXPECT_EQ(CheckPassword(std::string(128, 'x'), nullptr), PasswordProblem::kNone);
  EXPECT_EQ(CheckPassword(std::string(129, 'x'), nullptr), PasswordProblem::kTooLong);
}

TEST(Passwords, CommonPasswordsAreRefusedWhateverTheCase) {
  auto list = CommonPasswords::FromText("# a comment\n\nwachtwoord1234\nqwertyuiop123\n");
  EXPECT_EQ(list.size(), 2u);
  EXPECT_EQ(CheckPassword("Wachtwoord1234", &list), PasswordProblem::kCommon);
  EXPECT_EQ(CheckPassword("wachtwoord 1234", &list), PasswordProblem::kCommon);
  EXPECT_EQ(CheckPassword("een lang eigen wachtwoord", &list), PasswordProblem::kNone);
  EXPECT_FALSE(CheckNewPassword("QWERTYUIOP123", &list).ok());
}

TEST(Passwords, TheShippedListLoadsAndHoldsTheUsualSuspects) {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/common-passwords.txt");
  std::stringstream text;
  text << in.rdbuf();
  auto list = CommonPasswords::FromText(text.str());
  EXPECT_GT(list.size(), 500u);
  EXPECT_TRUE(list.Contains("Password1234"));
  EXPECT_TRUE(list.Contains("wachtwoord123"));
  EXPECT_TRUE(list.Contains("123456789012"));
  EXPECT_FALSE(list.Contains("lang-genoeg-wachtwoord-42"));
}

}  // namespace
}  // namespace meldpunt
