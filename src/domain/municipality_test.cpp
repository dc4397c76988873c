#include "domain/municipality.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace meldpunt {
namespace {

std::string ShippedCsv() {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(MunicipalityRegistry, LoadsTheShippedListWith342CurrentMunicipalities) {
  auto registry = MunicipalityRegistry::FromCsv(ShippedCsv());
  ASSERT_TRUE(registry.ok()) << registry.error();
  EXPECT_EQ(registry->Current().size(), 342u);
  EXPECT_EQ(registry->Find("GM0363")->name, "Amsterdam");
}

TEST(MunicipalityRegistry, KeepsQuotedNamesWithCommas) {
  auto registry = MunicipalityRegistry::FromCsv(ShippedCsv());
  ASSERT_TRUE(registry.ok());
  EXPECT_EQ(registry->Find("GM0820")->name, "Nuenen, Gerwen en Nederwetten");
}

TEST(MunicipalityRegistry, MergedMunicipalityIsKnownButNotCurrentAndRollsUp) {
  auto registry = MunicipalityRegistry::FromCsv(ShippedCsv());
  ASSERT_TRUE(registry.ok());
  const Municipality* weesp = registry->Find("GM0457");
  ASSERT_NE(weesp, nullptr);
  EXPECT_FALSE(weesp->current());
  EXPECT_EQ(registry->Successor("GM0457")->code, "GM0363");
  EXPECT_EQ(registry->Successor("GM0363")->code, "GM0363");
  for (const auto& m : registry->Current()) EXPECT_NE(m.code, "GM0457");
}

TEST(MunicipalityRegistry, CurrentListIsSortedByName) {
  auto registry = MunicipalityRegistry::FromCsv(ShippedCsv());
  ASSERT_TRUE(registry.ok());
  auto current = registry->Current();
  for (size_t i = 1; i < current.size(); ++i) EXPECT_LE(current[i - 1].name, current[i].name);
}

TEST(MunicipalityRegistry, RejectsMalformedData) {
  EXPECT_FALSE(MunicipalityRegistry::FromCsv("code,name,r,v,m\nGM0001,A,VR01\n").ok());
  EXPECT_FALSE(
      MunicipalityRegistry::FromCsv("code,name,r,v,m\nGM0001,A,VR01,,\nGM0001,B,VR01,,\n").ok());
  EXPECT_FALSE(
      MunicipalityRegistry::FromCsv("code,name,r,v,m\nGM0001,A,VR01,2020-01-01,GM0002\n").ok());
  EXPECT_EQ(MunicipalityRegistry::FromCsv("").value().size(), 0u);
}

TEST(SplitCsvLine, HandlesQuotesAndEscapedQuotes) {
  auto fields = SplitCsvLine(R"(a,"b, c","say ""hi""",)");
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[1], "b, c");
  EXPECT_EQ(fields[2], "say \"hi\"");
  EXPECT_EQ(fields[3], "");
}

}  // namespace
}  // namespace meldpunt
