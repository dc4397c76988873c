#include "evidence/images.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <array>
#include <memory>

#include "evidence/evidence_test_files.hpp"

namespace meldpunt::evidence {
namespace {

// What a re-encoded image holds, read back with libvips.
struct Decoded {
  int width = 0;
  int height = 0;
  std::vector<std::string> metadata;  // names of the metadata fields present
  // The colour at a point: 'r', 'g', 'b', or '?' when none clearly wins.
  char ColourAt(int x, int y) const {
    const auto& p = pixels.at(static_cast<size_t>(y * width + x));
    if (p[0] > 150 && p[1] < 90 && p[2] < 90) return 'r';
    if (p[1] > 130 && p[0] < 90 && p[2] < 90) return 'g';
    if (p[2] > 150 && p[0] < 90 && p[1] < 90) return 'b';
    return '?';
  }
  std::vector<std::array<double, 3>> pixels;
};

Decoded Decode(const std::string& bytes) {
  Decoded decoded;
  VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!image) return decoded;
  decoded.width = vips_image_get_width(image);
  decoded.height = vips_image_get_height(image);
  for (const char* field : {"exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation",
                            "gif-comment", "png-comment-0-Comment"}) {
    if (vips_image_get_typeof(image, field)) decoded.metadata.push_back(field);
  }
  // All pixels at once, as 8-bit values (every output here is 8-bit).
  size_t size = 0;
  auto* memory = static_cast<unsigned char*>(vips_image_write_to_memory(image, &size));
  int bands = vips_image_get_bands(image);
  for (size_t i = 0; i + bands <= size; i += bands) {
    decoded.pixels.push_back({static_cast<double>(memory[i]),
                              static_cast<double>(memory[i + (bands > 2 ? 1 : 0)]),
                              static_cast<double>(memory[i + (bands > 2 ? 2 : 0)])});
  }
  g_free(memory);
  g_object_unref(image);
  return decoded;
}

CleanImage Reencode(const std::string& fixture, EvidenceType type) {
  auto result = ReencodeImage(ReadFixture(fixture), type);
  if (auto* refusal = std::get_if<EvidenceRefusal>(&result)) {
    ADD_FAILURE() << fixture << " refused: " << RefusalCode(*refusal);
    return {};
  }
  return std::get<CleanImage>(result);
}

void ExpectNoPersonalData(const std::string& bytes) {
  for (const char* text : {"Exif", "TestCam", "Phone-7", "Sam Reporter", "GPS", "2026:01:02"}) {
    EXPECT_EQ(bytes.find(text), std::string::npos) << "still holds " << text;
  }
}

TEST(Images, JpegLosesMetadataAndIsTurnedUpright) {
  CleanImage clean = Reencode("photo-gps.jpg", EvidenceType::kJpeg);
  EXPECT_EQ(clean.media_type, "image/jpeg");
  ExpectNoPersonalData(clean.bytes);
  Decoded decoded = Decode(clean.bytes);
  EXPECT_TRUE(decoded.metadata.empty()) << decoded.metadata.front();
  // 64×48 with "turn 90° clockwise" becomes 48×64: the green top band is now on the right, the
  // red left half on top, the blue right half below.
  ASSERT_EQ(decoded.width, 48);
  ASSERT_EQ(decoded.height, 64);
  EXPECT_EQ(decoded.ColourAt(44, 32), 'g');
  EXPECT_EQ(decoded.ColourAt(10, 10), 'r');
  EXPECT_EQ(decoded.ColourAt(10, 54), 'b');
}

TEST(Images, EveryImageKindLosesMetadata) {
  struct Case {
    const char* fixture;
    EvidenceType type;
    const char* media_type;
    int width;
  };
  for (const Case& c : {Case{"screenshot.png", EvidenceType::kPng, "image/png", 64},
                        Case{"image.webp", EvidenceType::kWebp, "image/webp", 48},
                        Case{"image.gif", EvidenceType::kGif, "image/png", 64},
                        Case{"photo.heic", EvidenceType::kHeic, "image/jpeg", 64}}) {
    SCOPED_TRACE(c.fixture);
    if (c.type == EvidenceType::kHeic && !CanDecode(c.type)) continue;
    CleanImage clean = Reencode(c.fixture, c.type);
    EXPECT_EQ(clean.media_type, c.media_type);
    ExpectNoPersonalData(clean.bytes);
    Decoded decoded = Decode(clean.bytes);
    EXPECT_TRUE(decoded.metadata.empty()) << decoded.metadata.front();
    EXPECT_EQ(decoded.width, c.width);
  }
}

TEST(Images, RefusesWhatDoesNotDecodeAndDecompressionBombs) {
  auto broken = ReencodeImage(ReadFixture("broken.jpg"), EvidenceType::kJpeg);
  EXPECT_EQ(std::get<EvidenceRefusal>(broken), EvidenceRefusal::kImageUnreadable);
  auto html = ReencodeImage("<html>not a picture</html>", EvidenceType::kPng);
  EXPECT_EQ(std::get<EvidenceRefusal>(html), EvidenceRefusal::kImageUnreadable);
  // A PNG read as if it were a JPEG: the loader follows the sniffed type, nothing else.
  auto wrong = ReencodeImage(ReadFixture("screenshot.png"), EvidenceType::kJpeg);
  EXPECT_EQ(std::get<EvidenceRefusal>(wrong), EvidenceRefusal::kImageUnreadable);
  auto bomb = ReencodeImage(ReadFixture("bomb.png"), EvidenceType::kPng);
  EXPECT_EQ(std::get<EvidenceRefusal>(bomb), EvidenceRefusal::kImageTooLarge);
  EXPECT_EQ(std::get<EvidenceRefusal>(ReencodeImage("x", EvidenceType::kPdf)),
            EvidenceRefusal::kUnavailable);
}

}  // namespace
}  // namespace meldpunt::evidence
