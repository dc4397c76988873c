#include "security/audit_chain.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

Key KeyOf(unsigned char fill) {
  Key key;
  key.fill(fill);
  return key;
}

AuditChainFields Entry() {
  return AuditChainFields{.seq = 7,
                          .at = 1795651200,
                          .user_id = 3,
                          .action = "report.read",
                          .report_id = 42,
                          .bureau_id = 1,
                          .listed_from = std::nullopt,
                          .listed_to = std::nullopt,
                          .detail = "MP-2026-000042"};
}

TEST(AuditChain, IsDeterministicHexAndKeyed) {
  InitSodium();
  std::string hash = AuditChainHash(KeyOf(1), "", Entry());
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(hash, AuditChainHash(KeyOf(1), "", Entry()));
  // Without the key nobody computes the same value.
  EXPECT_NE(hash, AuditChainHash(KeyOf(2), "", Entry()));
}

TEST(AuditChain, EveryFieldAndThePreviousHashCount) {
  InitSodium();
  const Key key = KeyOf(1);
  const std::string base = AuditChainHash(key, "abc", Entry());
  EXPECT_NE(base, AuditChainHash(key, "abd", Entry()));
  EXPECT_NE(base, AuditChainHash(key, "", Entry()));
  std::vector<AuditChainFields> changed(10, Entry());
  changed[0].seq = 8;
  changed[1].at += 1;
  changed[2].user_id = 4;
  changed[3].action = "report.status";
  changed[4].report_id = 43;
  changed[5].report_id = std::nullopt;  // absent is not the same as any number
  changed[6].bureau_id = 2;
  changed[7].listed_from = 1;
  changed[8].listed_to = 1;
  changed[9].detail = "MP-2026-000043";
  for (const auto& fields : changed) EXPECT_NE(base, AuditChainHash(key, "abc", fields));
}

TEST(AuditChain, FieldsCannotBeShiftedIntoOneAnother) {
  InitSodium();
  // Length prefixes: moving characters from one text field to the next changes the hash.
  AuditChainFields a = Entry(), b = Entry();
  a.action = "report.read";
  a.detail = "X";
  b.action = "report.rea";
  b.detail = "dX";
  EXPECT_NE(AuditChainHash(KeyOf(1), "", a), AuditChainHash(KeyOf(1), "", b));
}

}  // namespace
}  // namespace meldpunt
