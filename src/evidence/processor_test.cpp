#include "evidence/processor.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "evidence/evidence_test_files.hpp"
#include "security/crypto.hpp"

namespace meldpunt::evidence {
namespace {

EvidenceFile Taken(const std::string& filename, const std::string& bytes) {
  auto result = ProcessFile(filename, bytes);
  if (auto* refusal = std::get_if<EvidenceRefusal>(&result)) {
    ADD_FAILURE() << filename << " refused: " << RefusalCode(*refusal);
    return {};
  }
  return std::get<EvidenceFile>(result);
}

EvidenceRefusal Refused(const std::string& filename, const std::string& bytes) {
  auto result = ProcessFile(filename, bytes);
  EXPECT_TRUE(std::holds_alternative<EvidenceRefusal>(result)) << filename << " was taken";
  return std::holds_alternative<EvidenceRefusal>(result) ? std::get<EvidenceRefusal>(result)
                                                         : EvidenceRefusal::kEmpty;
}

TEST(Processor, KeepsProofOfTheOriginalAndCleansImages) {
  InitProcessing();
  std::string original = ReadFixture("photo-gps.jpg");
  EvidenceFile file = Taken("IMG_0001.JPG", original);
  EXPECT_EQ(file.filename, "IMG_0001.JPG");
  EXPECT_EQ(file.media_type, "image/jpeg");
  EXPECT_EQ(file.original_size, static_cast<long long>(original.size()));
  EXPECT_EQ(file.original_sha256, Sha256Hex(original));
  EXPECT_EQ(file.original_sha256.size(), 64u);
  EXPECT_NE(file.content, original);
  EXPECT_EQ(file.content.find("TestCam"), std::string::npos);
}

TEST(Processor, KeepsDocumentsAsTheyCame) {
  for (const char* name :
       {"letter.pdf", "letter.docx", "sheet.xlsx", "letter.odt", "sheet.ods", "notes.txt"}) {
    std::string bytes = ReadFixture(name);
    EvidenceFile file = Taken(name, bytes);
    EXPECT_EQ(file.content, bytes) << name;
    EXPECT_EQ(file.original_sha256, Sha256Hex(bytes));
  }
}

TEST(Processor, GoesByContentNotByName) {
  // Named and declared as a PNG, but it is HTML: refused.
  EXPECT_EQ(Refused("photo.png", "<!DOCTYPE html><html><script>alert(1)</script></html>"),
            EvidenceRefusal::kTypeNotAllowed);
  // Named .txt, but it is a JPEG: treated (and cleaned) as a JPEG.
  EXPECT_EQ(Taken("notes.txt", ReadFixture("photo-gps.jpg")).media_type, "image/jpeg");
  EXPECT_EQ(Refused("a.zip", ReadFixture("archive.zip")), EvidenceRefusal::kTypeNotAllowed);
  EXPECT_EQ(Refused("empty.txt", ""), EvidenceRefusal::kEmpty);
  EXPECT_EQ(Refused("huge.txt", std::string(kMaxEvidenceFileBytes + 1, 'a')),
            EvidenceRefusal::kFileTooLarge);
  EXPECT_EQ(Refused("broken.jpg", ReadFixture("broken.jpg")), EvidenceRefusal::kImageUnreadable);
}

TEST(Processor, IsSafeFromManyThreads) {
  std::string jpeg = ReadFixture("photo-gps.jpg");
  std::string png = ReadFixture("screenshot.png");
  std::atomic<int> cleaned{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 5; ++j) {
        auto result = ProcessFile("x", i % 2 ? jpeg : png);
        cleaned += std::holds_alternative<EvidenceFile>(result);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(cleaned, 30);
}

}  // namespace
}  // namespace meldpunt::evidence
