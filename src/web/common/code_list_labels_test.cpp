#include "web/common/code_list_labels.hpp"

#include <gtest/gtest.h>

#include "domain/cases/handling.hpp"
#include "web/common/test_app.hpp"

namespace meldpunt::web {
namespace {

TEST(CodeListLabels, EveryBuiltInCodeHasALabelInBothLanguages) {
  TestApp test;
  CodeLists lists;
  for (CodeListKind kind : kAllCodeListKinds) {
    auto labels = BuiltInLabels(kind);
    ASSERT_EQ(labels.size(), BuiltInCodes(kind).size()) << CodeListCode(kind);
    for (std::string_view code : BuiltInCodes(kind)) {
      std::string nl = CodeListLabel(test.app(), Lang::kNl, lists, kind, code);
      std::string en = CodeListLabel(test.app(), Lang::kEn, lists, kind, code);
      EXPECT_NE(nl, code) << code;
      EXPECT_NE(nl, en) << code;
    }
  }
}

TEST(CodeListLabels, AddedCodesUseTheirOwnLabels) {
  TestApp test;
  CodeLists lists(
      "2026.1", {AddedCode{CodeListKind::kDomains, "politics", "Politiek en publieke opinievorming",
                           "Politics and public opinion", "2026.1", ""}});
  EXPECT_EQ(CodeListLabel(test.app(), Lang::kNl, lists, CodeListKind::kDomains, "politics"),
            "Politiek en publieke opinievorming");
  EXPECT_EQ(CodeListLabel(test.app(), Lang::kEn, lists, CodeListKind::kDomains, "politics"),
            "Politics and public opinion");
  EXPECT_EQ(CodeListLabel(test.app(), Lang::kEn, lists, CodeListKind::kDomains, "nope"), "nope");
}

}  // namespace
}  // namespace meldpunt::web
