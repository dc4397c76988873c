// The national file's store methods on SQLite: every report of a year with its bureau and kind,
// and imported files replaced per bureau and year, a file's roll-up kept while a bureau is.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class NationalStoreTest : public SqliteStoreFixture {};

TEST_F(NationalStoreTest, ListsEveryReportOfTheYearsWithItsBureau) {
  auto rotterdam = store_->AddBureau("ADV Rotterdam", 0);
  ASSERT_TRUE(rotterdam);
  ASSERT_TRUE(store_->AddToWorkingArea(*rotterdam, {"GM0599"}));
  long long in_2026 = StartOfYearUnixSeconds(2026) + 3600;
  store_->AddReport(TestReport("Here.", "GM0599", "GM0599"), in_2026);
  store_->AddReport(TestReport("Elsewhere.", "GM0363", "unknown"), in_2026);
  store_->AddReport(TestReport("Too early.", "GM0599", "GM0599"), StartOfYearUnixSeconds(2024));
  // Added after the others, and first in the year index (GM0014 before GM0363): still last.
  auto last = store_->AddReport(TestReport("Groningen.", "GM0014", "GM0014"), in_2026);
  auto facts = store_->ListYearFacts(2025, 2026);
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_EQ(facts[2].id, last.id) << "oldest first";
  EXPECT_LT(facts[0].id, facts[1].id);
  EXPECT_EQ(facts[0].bureau_id, *rotterdam);
  EXPECT_EQ(facts[1].bureau_id, 1);
  EXPECT_EQ(facts[0].grounds, (std::vector<std::string>{"origin", "religion.anti_muslim"}));
  EXPECT_EQ(facts[0].reported_year, 2026);
}

TEST_F(NationalStoreTest, ImportsAreReplacedPerBureauAndYear) {
  store_->SaveNationalImports({{"a", 2025, "A", "rows a", "f1", 0, ""},
                               {"b", 2025, "B", "rows b", "f1", 0, ""},
                               {"~f1", 2025, "", "whole", "f1", 0, ""}},
                              0, 100);
  store_->SaveNationalImports({{"a", 2025, "A", "rows a 2", "f2", 0, ""}}, 0, 200);
  store_->SaveNationalImports({{"a", 2024, "A", "old", "f3", 0, ""}}, 0, 300);
  auto imports = store_->ListNationalImports(2025);
  ASSERT_EQ(imports.size(), 3u);
  EXPECT_EQ(imports[0].bureau_key, "a");
  EXPECT_EQ(imports[0].rows_csv, "rows a 2");
  EXPECT_EQ(imports[0].file_key, "f2");
  EXPECT_EQ(imports[0].imported_at, 200);
  EXPECT_EQ(imports[2].bureau_key, "~f1");  // b is still from f1
  EXPECT_EQ(store_->ListNationalImports(0).size(), 4u);
  EXPECT_TRUE(store_->DeleteNationalImport("b", 2025));
  EXPECT_FALSE(store_->DeleteNationalImport("b", 2025));
  imports = store_->ListNationalImports(2025);
  ASSERT_EQ(imports.size(), 1u) << "the file f1 went with its last bureau";
  EXPECT_EQ(imports[0].bureau_key, "a");
}

}  // namespace
}  // namespace meldpunt
