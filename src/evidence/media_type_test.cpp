#include "evidence/media_type.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "domain/reports/evidence.hpp"
#include "evidence/evidence_test_files.hpp"

namespace meldpunt::evidence {
namespace {

TEST(MediaType, KnowsEveryKindTakenByContent) {
  const std::pair<const char*, EvidenceType> samples[] = {
      {"photo-gps.jpg", EvidenceType::kJpeg}, {"screenshot.png", EvidenceType::kPng},
      {"image.webp", EvidenceType::kWebp},    {"image.gif", EvidenceType::kGif},
      {"photo.heic", EvidenceType::kHeic},    {"letter.pdf", EvidenceType::kPdf},
      {"letter.docx", EvidenceType::kDocx},   {"sheet.xlsx", EvidenceType::kXlsx},
      {"letter.odt", EvidenceType::kOdt},     {"sheet.ods", EvidenceType::kOds},
      {"notes.txt", EvidenceType::kText},
  };
  for (const auto& [name, type] : samples) {
    std::string sniffed = SniffMediaType(ReadFixture(name));
    EXPECT_EQ(EvidenceTypeOf(sniffed), type) << name << " sniffed as " << sniffed;
  }
}

TEST(MediaType, RefusesActiveContentWhateverItClaims) {
  const std::string refused[] = {
      "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
      "<html><head><title>x</title></head></html>",
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
      "</svg>",
      "#!/bin/sh\nrm -rf /\n",
      "#!/usr/bin/env python3\nimport os\n",
      std::string("\x7f"
                  "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0",
                  24),
      std::string("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16),
      ReadFixture("archive.zip"),
  };
  for (const auto& bytes : refused) {
    std::string sniffed = SniffMediaType(bytes);
    EXPECT_FALSE(EvidenceTypeOf(sniffed)) << "taken as " << sniffed << ": " << bytes.substr(0, 20);
  }
}

TEST(MediaType, WorksFromManyThreads) {
  std::string jpeg = ReadFixture("photo-gps.jpg");
  std::vector<std::thread> threads;
  std::atomic<int> right{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 20; ++j) right += SniffMediaType(jpeg) == "image/jpeg";
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(right, 80);
}

}  // namespace
}  // namespace meldpunt::evidence
