#include "domain/reports/code_lists.hpp"

#include <gtest/gtest.h>

#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

AddedCode Code(CodeListKind list, std::string code, std::string retired = "") {
  return AddedCode{list, std::move(code), "label", "label", "2026.1", std::move(retired)};
}

TEST(CodeLists, BuiltInListsAreTheShippedVersion) {
  CodeLists lists;
  EXPECT_EQ(lists.version(), kCodeListVersion);
  EXPECT_TRUE(lists.IsActive(CodeListKind::kGrounds, "religion.antisemitism"));
  EXPECT_TRUE(lists.IsActive(CodeListKind::kHandlings, "mediation"));
  EXPECT_FALSE(lists.IsActive(CodeListKind::kGrounds, "mediation"));
  EXPECT_EQ(lists.ActiveCodes(CodeListKind::kDomains).size(), kDomains.size());
  for (CodeListKind kind : kAllCodeListKinds) EXPECT_EQ(ParseCodeList(CodeListCode(kind)), kind);
}

TEST(CodeLists, AddedCodesFollowTheBuiltInOnesAndRetiredOnesStayReadable) {
  CodeLists lists("2026.2", {Code(CodeListKind::kDomains, "politics"),
                             Code(CodeListKind::kDomains, "private_sphere", "2026.2")});
  auto codes = lists.ActiveCodes(CodeListKind::kDomains);
  EXPECT_EQ(codes.back(), "politics");
  EXPECT_EQ(codes.size(), kDomains.size() + 1);
  EXPECT_TRUE(lists.IsActive(CodeListKind::kDomains, "politics"));
  EXPECT_FALSE(lists.IsActive(CodeListKind::kDomains, "private_sphere"));
  EXPECT_TRUE(lists.IsKnown(CodeListKind::kDomains, "private_sphere"));
  EXPECT_FALSE(lists.IsKnown(CodeListKind::kGrounds, "politics"));
}

TEST(CodeLists, NewCodesAreChecked) {
  CodeLists lists("2026.1", {Code(CodeListKind::kGrounds, "appearance")});
  auto check = [&](CodeListKind list, std::string code) {
    return CheckNewCode(lists, AddedCode{list, std::move(code), "nl", "en", "", ""});
  };
  EXPECT_EQ(check(CodeListKind::kGrounds, "sex.intersex"), std::nullopt);
  EXPECT_EQ(check(CodeListKind::kGrounds, "appearance.hair"), std::nullopt);
  EXPECT_EQ(check(CodeListKind::kGrounds, "Appearance"), NewCodeProblem::kBadCode);
  EXPECT_EQ(check(CodeListKind::kGrounds, ""), NewCodeProblem::kBadCode);
  EXPECT_EQ(check(CodeListKind::kGrounds, "a.b.c"), NewCodeProblem::kBadCode);
  EXPECT_EQ(check(CodeListKind::kDomains, "labour.sub"), NewCodeProblem::kBadCode);
  EXPECT_EQ(check(CodeListKind::kGrounds, "nothing.sub"), NewCodeProblem::kUnknownParent);
  EXPECT_EQ(check(CodeListKind::kGrounds, "religion"), NewCodeProblem::kExists);
  EXPECT_EQ(check(CodeListKind::kGrounds, "appearance"), NewCodeProblem::kExists);
  EXPECT_EQ(check(CodeListKind::kGrounds, std::string(41, 'a')), NewCodeProblem::kBadCode);
  EXPECT_EQ(CheckNewCode(lists, AddedCode{CodeListKind::kNatures, "doxing", "", "Doxing", "", ""}),
            NewCodeProblem::kLabelMissing);
  EXPECT_EQ(CheckNewCode(lists, AddedCode{CodeListKind::kNatures, "doxing", std::string(121, 'x'),
                                          "Doxing", "", ""}),
            NewCodeProblem::kLabelTooLong);
}

TEST(CodeLists, VersionsCountUpWithinAYearAndRestartInANewOne) {
  EXPECT_EQ(NextCodeListVersion("2025.1", 2026), "2026.1");
  EXPECT_EQ(NextCodeListVersion("2026.1", 2026), "2026.2");
  EXPECT_EQ(NextCodeListVersion("2026.9", 2026), "2026.10");
}

}  // namespace
}  // namespace meldpunt
