#include "security/crypto.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "security/key_file.hpp"
#include "security/password.hpp"
#include "security/tokens.hpp"

namespace meldpunt {
namespace {

Key TestKey(unsigned char fill) {
  Key key;
  key.fill(fill);
  return key;
}

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { InitSodium(); }
};

TEST_F(CryptoTest, SealedValueOpensWithTheSameKeyAndContext) {
  Cipher cipher(TestKey(1));
  std::string sealed = cipher.Seal("Ik werd uitgescholden.", "reports.description");
  EXPECT_EQ(sealed.find("uitgescholden"), std::string::npos);
  EXPECT_EQ(cipher.Open(sealed, "reports.description").value(), "Ik werd uitgescholden.");
}

TEST_F(CryptoTest, SealingTwiceGivesDifferentCiphertexts) {
  Cipher cipher(TestKey(1));
  EXPECT_NE(cipher.Seal("same", "ad"), cipher.Seal("same", "ad"));
}

TEST_F(CryptoTest, WrongKeyWrongContextOrTamperingFails) {
  Cipher cipher(TestKey(1));
  std::string sealed = cipher.Seal("secret", "reports.description");
  EXPECT_FALSE(Cipher(TestKey(2)).Open(sealed, "reports.description").ok());
  EXPECT_FALSE(cipher.Open(sealed, "reports.contact").ok());
  std::string tampered = sealed;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(cipher.Open(tampered, "reports.description").ok());
  EXPECT_FALSE(cipher.Open("v1:", "reports.description").ok());
  EXPECT_FALSE(cipher.Open("plain text", "reports.description").ok());
}

TEST_F(CryptoTest, DerivedKeysDifferPerPurpose) {
  Key master = TestKey(7);
  EXPECT_NE(DeriveKey(master, 1), DeriveKey(master, 2));
  EXPECT_EQ(DeriveKey(master, 1), DeriveKey(master, 1));
}

TEST_F(CryptoTest, SignerAcceptsOnlyItsOwnSignatureForThePurpose) {
  Signer signer(TestKey(3));
  std::string signed_value = signer.Sign("receipt", "MP-2026-000001");
  EXPECT_EQ(signer.Verify("receipt", signed_value).value(), "MP-2026-000001");
  EXPECT_FALSE(signer.Verify("csrf", signed_value).ok());
  EXPECT_FALSE(Signer(TestKey(4)).Verify("receipt", signed_value).ok());
  std::string forged = "MP-2026-000002" + signed_value.substr(signed_value.find('.'));
  EXPECT_FALSE(signer.Verify("receipt", forged).ok());
}

TEST_F(CryptoTest, CsrfTokensMustMatchAndBeSigned) {
  CsrfTokens csrf{Signer(TestKey(5))};
  std::string token = csrf.Issue();
  EXPECT_TRUE(csrf.Check(token, token));
  EXPECT_FALSE(csrf.Check(token, csrf.Issue()));
  EXPECT_FALSE(csrf.Check("", ""));
  EXPECT_FALSE(csrf.Check("abc.def", "abc.def"));
}

TEST_F(CryptoTest, PasswordHashIsArgon2idAndVerifies) {
  std::string hash = HashPassword("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword("correct horse battery", hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", hash));
  EXPECT_FALSE(CheckNewPassword("short").ok());
  EXPECT_TRUE(CheckNewPassword("twelve chars").ok());
}

TEST_F(CryptoTest, KeyFileIsCreatedPrivateAndReadBack) {
  auto dir = std::filesystem::temp_directory_path() / ("meldpunt-key-" + RandomToken(6));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "meldpunt.key").string();
  auto created = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(created.ok()) << created.error();
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(LoadOrCreateKeyFile(path).value(), *created);
  chmod(path.c_str(), 0644);
  EXPECT_FALSE(LoadOrCreateKeyFile(path).ok());
  std::filesystem::remove_all(dir);
}

TEST_F(CryptoTest, Base64RoundTrip) {
  std::string bytes("\x00\x01\xfe\xff", 4);
  EXPECT_EQ(Base64Decode(Base64Encode(bytes)).value(), bytes);
  EXPECT_FALSE(Base64Decode("***").ok());
}

}  // namespace
}  // namespace meldpunt
