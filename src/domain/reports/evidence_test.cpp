#include "domain/reports/evidence.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(Evidence, TakesOnlyTheListedTypes) {
  EXPECT_EQ(EvidenceTypeOf("image/jpeg"), EvidenceType::kJpeg);
  EXPECT_EQ(EvidenceTypeOf("application/pdf"), EvidenceType::kPdf);
  EXPECT_EQ(EvidenceTypeOf("text/plain"), EvidenceType::kText);
  for (const char* refused :
       {"text/html", "image/svg+xml", "application/zip", "application/x-executable",
        "text/x-shellscript", "application/vnd.ms-word.document.macroEnabled.12", ""}) {
    EXPECT_FALSE(EvidenceTypeOf(refused)) << refused;
  }
  EXPECT_TRUE(IsImage(EvidenceType::kHeic));
  EXPECT_FALSE(IsImage(EvidenceType::kPdf));
  EXPECT_EQ(ExtensionFor("image/jpeg"), "jpg");
  EXPECT_EQ(ExtensionFor("application/x-unknown"), "bin");
}

TEST(Evidence, CountsAndSizesPerSubmissionAndReport) {
  std::vector<ReceivedFile> five(5, ReceivedFile{"a.jpg", 1000});
  EXPECT_TRUE(CheckEvidenceCounts(five, 0).empty());
  EXPECT_TRUE(CheckEvidenceCounts(five, 15).empty());
  auto full = CheckEvidenceCounts(five, 16);
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].refusal, EvidenceRefusal::kReportFull);
  EXPECT_FALSE(full[0].file);

  auto six = five;
  six.push_back({"f.jpg", 1});
  ASSERT_EQ(CheckEvidenceCounts(six, 0).size(), 1u);
  EXPECT_EQ(CheckEvidenceCounts(six, 0)[0].refusal, EvidenceRefusal::kTooManyFiles);

  std::vector<ReceivedFile> sized = {
      {"big.jpg", kMaxEvidenceFileBytes + 1}, {"ok.jpg", kMaxEvidenceFileBytes}, {"empty.txt", 0}};
  auto problems = CheckEvidenceCounts(sized, 0);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].file, 0u);
  EXPECT_EQ(problems[0].refusal, EvidenceRefusal::kFileTooLarge);
  EXPECT_EQ(problems[1].file, 2u);
  EXPECT_EQ(problems[1].refusal, EvidenceRefusal::kEmpty);

  std::vector<ReceivedFile> together(3, ReceivedFile{"x.pdf", 9 * kMiB});
  problems = CheckEvidenceCounts(together, 0);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].refusal, EvidenceRefusal::kSubmissionTooLarge);
}

TEST(Evidence, CleansFileNamesForDisplay) {
  EXPECT_EQ(CleanFilename("foto 1.jpg"), "foto 1.jpg");
  EXPECT_EQ(CleanFilename("f\xc3\xa9te.png"), "f\xc3\xa9te.png");
  EXPECT_EQ(CleanFilename("a\x01\x7f.txt"), "a__.txt");
  EXPECT_EQ(CleanFilename("bad\xff.txt"), "bad\xef\xbf\xbd.txt");
  EXPECT_EQ(CleanFilename("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
  std::string long_name(300, 'a');
  EXPECT_EQ(CleanFilename(long_name).size(), kMaxEvidenceFilenameBytes);
  // A multi-byte character is never cut in half.
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "\xc3\xa9";
  std::string cut = CleanFilename(accents);
  EXPECT_EQ(cut.size(), 254u);
  EXPECT_EQ(RefusalCode(EvidenceRefusal::kTypeNotAllowed), "type_not_allowed");
}

}  // namespace
}  // namespace meldpunt
