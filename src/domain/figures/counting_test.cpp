#include "domain/figures/counting.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

using Codes = std::vector<std::string>;

TEST(Counting, ParentOfASubGroundIsItsPrefix) {
  EXPECT_EQ(ParentGround("religion.antisemitism"), "religion");
  EXPECT_EQ(ParentGround("origin"), "origin");
  EXPECT_TRUE(IsSubGround("origin.anti_black"));
  EXPECT_FALSE(IsSubGround("origin"));
  // Every sub-ground of the built-in list has its ground in the list, before it.
  for (size_t i = 0; i < kGrounds.size(); ++i) {
    if (!IsSubGround(kGrounds[i])) continue;
    auto parent = std::find(kGrounds.begin(), kGrounds.begin() + i, ParentGround(kGrounds[i]));
    EXPECT_NE(parent, kGrounds.begin() + i) << kGrounds[i];
  }
}

TEST(Counting, ASubGroundCountsUnderItsParentToo) {
  EXPECT_EQ(GroundRowsOf({"religion.antisemitism"}), (Codes{"religion", "religion.antisemitism"}));
  EXPECT_EQ(GroundRowsOf({"age"}), (Codes{"age"}));
}

TEST(Counting, AParentWithItsSubGroundCountsOnce) {
  EXPECT_EQ(GroundRowsOf({"origin", "origin.anti_black"}), (Codes{"origin", "origin.anti_black"}));
  EXPECT_EQ(GroundRowsOf({"origin.anti_black", "origin"}), (Codes{"origin", "origin.anti_black"}));
  EXPECT_EQ(GroundRowsOf({"origin.anti_black", "origin.anti_asian", "sex"}),
            (Codes{"origin", "origin.anti_black", "origin.anti_asian", "sex"}));
  EXPECT_EQ(GroundRowsOf({"religion.anti_muslim", "origin"}),
            (Codes{"religion", "religion.anti_muslim", "origin"}));
}

TEST(Counting, SubGroundsOfLaterCodeListsFollowTheSameRule) {
  // A code an administrator added in a later version (CheckNewCode: "<ground>.<name>").
  EXPECT_EQ(GroundRowsOf({"disability.autism"}), (Codes{"disability", "disability.autism"}));
  EXPECT_EQ(GroundRowsOf({"caste", "caste.dalit"}), (Codes{"caste", "caste.dalit"}));
}

TEST(Counting, NoGroundsNoRows) {
  EXPECT_TRUE(GroundRowsOf({}).empty());
  EXPECT_EQ(GroundRowsOf({"age", "age"}), (Codes{"age"}));
}

TEST(Counting, BuiltInRowsKeepTheirOrder) {
  Codes built_in(kGrounds.begin(), kGrounds.end());
  EXPECT_EQ(OrderGroundRows(built_in), built_in);
}

TEST(Counting, ALaterSubGroundFollowsItsParentsFamily) {
  Codes codes(kGrounds.begin(), kGrounds.end());
  codes.push_back("caste");
  codes.push_back("origin.anti_arab");
  codes.push_back("religion.anti_hindu");
  codes.push_back("zzz.lost");  // no such ground among the rows: stays where it is
  Codes rows = OrderGroundRows(codes);
  ASSERT_EQ(rows.size(), codes.size());
  auto at = [&](std::string_view code) {
    return std::find(rows.begin(), rows.end(), code) - rows.begin();
  };
  EXPECT_EQ(at("origin.anti_arab"), at("origin.anti_asian") + 1);
  EXPECT_EQ(at("belief"), at("religion.anti_hindu") + 1);
  EXPECT_EQ(at("religion.anti_hindu"), at("religion.anti_muslim") + 1);
  EXPECT_EQ(rows[rows.size() - 2], "caste");
  EXPECT_EQ(rows.back(), "zzz.lost");
}

TEST(Counting, TodayCodeRollsMergedMunicipalitiesUp) {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto registry = *MunicipalityRegistry::FromCsv(text.str());
  EXPECT_EQ(TodayCode(registry, "GM0457"), "GM0363");  // Weesp, merged into Amsterdam
  EXPECT_EQ(TodayCode(registry, "GM0363"), "GM0363");
  EXPECT_EQ(TodayCode(registry, "none"), "none");
}

}  // namespace
}  // namespace meldpunt
