// The work list's counts on a real SQLite file, with a store whose count cap is 5 (the real one,
// kWorklistCountCap, is 10,000; a test reaches it with a few reports this way): the total and the
// page's position are exact up to the cap and "more than the cap" beyond it, the rows themselves
// are never capped.
#include <gtest/gtest.h>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/database_url.hpp"
#include "store/soci/soci_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

constexpr long long kNow = 1'800'000'000;  // in 2027
constexpr long long kCap = 5;

class WorklistCountStore : public SqliteStoreFixture {
 protected:
  WorklistCountStore() : SqliteStoreFixture(KeyOf(7), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    store_.reset();
    capped_ = std::make_unique<SociStore>(*ParseDatabaseUrl("sqlite:" + file_), data_key_, 2,
                                          std::nullopt, kCap);
  }
  void TearDown() override {
    capped_.reset();
    SqliteStoreFixture::TearDown();
  }
  // `count` reports of bureau 1, received one minute apart (the newest last); their ids.
  std::vector<long long> AddReports(int count) {
    std::vector<BatchReport> batch;
    for (int i = 0; i < count; ++i) {
      BatchReport report;
      report.report = TestReport("Verzonnen melding " + std::to_string(i), "none");
      report.report.received_at = kNow - 86400 + 60 * i;
      report.bureau_id = 1;
      batch.push_back(std::move(report));
    }
    return capped_->AddReportBatch(batch, kNow);
  }
  WorklistQuery Query(int limit) {
    WorklistQuery query;
    query.filter.bureau_id = 1;
    query.limit = limit;
    return query;
  }
  std::unique_ptr<SociStore> capped_;
};

TEST_F(WorklistCountStore, AtTheCapTheCountsAreExact) {
  AddReports(static_cast<int>(kCap));
  WorklistPage page = capped_->ListWorklist(Query(2));
  EXPECT_EQ(page.total, kCap);
  EXPECT_FALSE(page.total_capped);
  EXPECT_EQ(page.preceding, 0);
  EXPECT_FALSE(page.preceding_capped);
  EXPECT_EQ(page.reports.size(), 2u);
  EXPECT_TRUE(page.more_after);
}

TEST_F(WorklistCountStore, BeyondTheCapTheTotalIsMoreThanTheCap) {
  auto ids = AddReports(12);
  WorklistPage first = capped_->ListWorklist(Query(3));
  EXPECT_EQ(first.total, kCap);
  EXPECT_TRUE(first.total_capped);
  EXPECT_EQ(first.preceding, 0);
  EXPECT_FALSE(first.preceding_capped);
  ASSERT_EQ(first.reports.size(), 3u);
  EXPECT_EQ(first.reports[0].id, ids[11]);  // newest first: the rows are not capped

  // The second page: 3 rows before it, counted exactly.
  WorklistQuery next = Query(3);
  next.after = WorklistKeyOf(first.reports.back(), next.order);
  WorklistPage second = capped_->ListWorklist(next);
  EXPECT_EQ(second.preceding, 3);
  EXPECT_FALSE(second.preceding_capped);
  EXPECT_TRUE(second.total_capped);
  ASSERT_EQ(second.reports.size(), 3u);
  EXPECT_EQ(second.reports[0].id, ids[8]);

  // The third page: 6 rows before it, more than the cap.
  next.after = WorklistKeyOf(second.reports.back(), next.order);
  WorklistPage third = capped_->ListWorklist(next);
  EXPECT_EQ(third.preceding, kCap);
  EXPECT_TRUE(third.preceding_capped);
  EXPECT_TRUE(third.total_capped);
  ASSERT_EQ(third.reports.size(), 3u);
  EXPECT_EQ(third.reports[0].id, ids[5]);
  EXPECT_TRUE(third.more_after);

  // A filter that passes fewer rows than the cap is counted exactly again.
  WorklistQuery narrow = Query(3);
  narrow.filter.reported_from = kNow - 86400 + 60 * 9;
  WorklistPage few = capped_->ListWorklist(narrow);
  EXPECT_EQ(few.total, 3);
  EXPECT_FALSE(few.total_capped);
}

}  // namespace
}  // namespace meldpunt
