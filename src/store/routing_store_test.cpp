// Routing a new report to a bureau by today's municipality (soci_bureaus.cpp): a merged
// municipality's code goes to the bureau whose working area holds its successor, and the report
// keeps the code it was given.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/municipality.hpp"
#include "domain/reports/test_report.hpp"
#include "domain/test_registry.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

MunicipalityRegistry Registry() { return TestRegistry(); }

class RoutingStoreTest : public SqliteStoreFixture {
 protected:
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    store_->UseMunicipalities(Registry());
    amsterdam_ = *store_->AddBureau("ADV Amsterdam", 1);
    ASSERT_TRUE(store_->AddToWorkingArea(amsterdam_, {"GM0363"}));
  }
  long long amsterdam_ = 0;
};

// Weesp (GM0457) merged into Amsterdam (GM0363) in 2022.
TEST_F(RoutingStoreTest, AReportAboutWeespGoesToTheBureauOfAmsterdam) {
  auto stored = store_->AddReport(TestReport("In Weesp.", "GM0457", "unknown"), 100);
  EXPECT_EQ(stored.bureau_id, amsterdam_);
  auto listed = store_->ListBureauReports(amsterdam_, 10, 0);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].incident_municipality, "GM0457") << "the report keeps its code";
}

TEST_F(RoutingStoreTest, AResidentOfWeespGoesToTheBureauOfAmsterdam) {
  auto stored = store_->AddReport(TestReport("Online.", "none", "GM0457"), 100);
  EXPECT_EQ(stored.bureau_id, amsterdam_);
  EXPECT_EQ(store_->ListBureauReports(amsterdam_, 10, 0)[0].residence_municipality, "GM0457");
}

TEST_F(RoutingStoreTest, TheIncidentStillComesBeforeTheResidence) {
  long long utrecht = *store_->AddBureau("ADV Utrecht", 1);
  ASSERT_TRUE(store_->AddToWorkingArea(utrecht, {"GM0344"}));
  EXPECT_EQ(store_->AddReport(TestReport("A.", "GM0344", "GM0457"), 100).bureau_id, utrecht);
  EXPECT_EQ(store_->AddReport(TestReport("B.", "GM0457", "GM0344"), 100).bureau_id, amsterdam_);
  EXPECT_EQ(store_->AddReport(TestReport("C.", "GM0599", "unknown"), 100).bureau_id, 1)
      << "outside every area: the first bureau";
}

TEST_F(RoutingStoreTest, BulkReportsAreRoutedTheSameWay) {
  BatchReport weesp;
  weesp.report = TestReport("In Weesp.", "GM0457", "unknown");
  auto ids = store_->AddReportBatch({weesp}, 100);
  ASSERT_EQ(ids.size(), 1u);
  auto listed = store_->ListBureauReports(amsterdam_, 10, 0);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, ids[0]);
  EXPECT_EQ(listed[0].incident_municipality, "GM0457");
}

}  // namespace
}  // namespace meldpunt
