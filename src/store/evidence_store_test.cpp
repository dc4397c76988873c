// Evidence files in the SQLite store (PostgreSQL is covered by the integration tests).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class EvidenceStoreTest : public SqliteStoreFixture {
 protected:
  EvidenceStoreTest() : SqliteStoreFixture(KeyOf(3), std::nullopt) {}
  std::string File() const { return (dir_ / "m.db").string(); }

  static NewReport Report(std::string key = "") {
    return TestReport("text", "none", "unknown", std::move(key));
  }
  static EvidenceFile Evidence(const std::string& name, const std::string& content) {
    return EvidenceFile{name, "text/plain", content, static_cast<long long>(content.size()) + 1,
                        Sha256Hex(content + "!")};
  }

  const long long now_ = StartOfYearUnixSeconds(2026) + 60;
};

TEST_F(EvidenceStoreTest, FilesGoInWithTheReportAndComeOutDecrypted) {
  NewReport report = Report();
  report.evidence = {Evidence("brief van de huisbaas.txt", "Secret-evidence-content-1"),
                     Evidence("", std::string("\0\xff binary", 9))};
  auto stored = store_->AddReport(report, now_);
  auto other = store_->AddReport(Report(), now_);

  auto list = store_->ListEvidence(stored.id);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].report_id, stored.id);
  EXPECT_FALSE(list[0].message_id);
  EXPECT_EQ(list[0].received_at, now_);
  EXPECT_EQ(list[0].filename, "brief van de huisbaas.txt");
  EXPECT_EQ(list[0].media_type, "text/plain");
  EXPECT_EQ(list[0].size, 25);
  EXPECT_EQ(list[0].original_size, 26);
  EXPECT_EQ(list[0].original_sha256, Sha256Hex("Secret-evidence-content-1!"));
  EXPECT_EQ(list[1].filename, "");
  EXPECT_LT(list[0].id, list[1].id);

  auto file = store_->GetEvidence(stored.id, list[1].id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->content, std::string("\0\xff binary", 9));
  EXPECT_EQ(file->info.id, list[1].id);
  // A file is found only under its own report.
  EXPECT_FALSE(store_->GetEvidence(other.id, list[1].id));
  EXPECT_FALSE(store_->GetEvidence(stored.id, 999));

  EXPECT_EQ(store_->CountEvidence(stored.id), 2);
  EXPECT_EQ(store_->CountEvidence(other.id), 0);
  auto counts = store_->CountEvidenceByReport(stored.id, other.id);
  EXPECT_EQ(counts, (std::map<long long, long long>{{stored.id, 2}}));

  // Neither the content nor the file name is in the database file in clear.
  store_.reset();
  std::string bytes;
  for (const auto& path : {File(), File() + "-wal"}) {
    std::ifstream in(path, std::ios::binary);
    bytes += std::string((std::istreambuf_iterator<char>(in)), {});
  }
  EXPECT_EQ(bytes.find("Secret-evidence-content-1"), std::string::npos);
  EXPECT_EQ(bytes.find("huisbaas"), std::string::npos);
}

TEST_F(EvidenceStoreTest, AResentFormAddsNoFilesTwice) {
  NewReport report = Report("abcdefghijklmnopqrstuv");
  report.evidence = {Evidence("a.txt", "a")};
  auto first = store_->AddReport(report, now_);
  auto again = store_->AddReport(report, now_ + 5);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(store_->CountEvidence(first.id), 1);
}

TEST_F(EvidenceStoreTest, FilesAddedLaterStayWithinTheLimitPerReport) {
  auto report = store_->AddReport(Report(), now_);
  std::vector<EvidenceFile> five(5, Evidence("x.txt", "x"));
  for (int i = 0; i < 4; ++i) {
    auto ids = store_->AddEvidence(report.id, 40 + i, five, now_ + i);
    ASSERT_TRUE(ids) << "batch " << i;
    EXPECT_EQ(ids->size(), 5u);
  }
  EXPECT_EQ(store_->CountEvidence(report.id), kMaxEvidenceFilesPerReport);
  EXPECT_FALSE(store_->AddEvidence(report.id, std::nullopt, {Evidence("y.txt", "y")}, now_));
  EXPECT_EQ(store_->CountEvidence(report.id), kMaxEvidenceFilesPerReport);
  EXPECT_EQ(store_->ListEvidence(report.id).back().message_id, 43);
  EXPECT_THROW(store_->AddEvidence(report.id + 100, std::nullopt, five, now_), StoreError);
}

}  // namespace
}  // namespace meldpunt
