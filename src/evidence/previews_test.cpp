#include "evidence/previews.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "evidence/evidence_test_files.hpp"
#include "evidence/images.hpp"

namespace meldpunt::evidence {
namespace {

TEST(PreviewExcerpt, MakesWhiteSpaceOneSpaceAndTrims) {
  EXPECT_EQ(PreviewExcerpt("  Brief\n\nvan de\t verhuurder \f", 100), "Brief van de verhuurder");
  EXPECT_EQ(PreviewExcerpt("", 100), "");
  EXPECT_EQ(PreviewExcerpt(" \n\t ", 100), "");
}

TEST(PreviewExcerpt, KeepsTextThatFitsWhole) {
  EXPECT_EQ(PreviewExcerpt("twaalf tekens", 13), "twaalf tekens");
}

TEST(PreviewExcerpt, CutsAtAWordWithAnEllipsisWithinTheLimit) {
  std::string excerpt = PreviewExcerpt("de huurder kreeg geen woning", 20);
  EXPECT_EQ(excerpt, "de huurder kreeg…");
  // One long word is cut inside the word rather than dropped.
  EXPECT_EQ(PreviewExcerpt("aaaaaaaaaaaaaaaaaaaa", 10), "aaaaaaaaa…");
}

TEST(PreviewExcerpt, CountsCodePointsAndNeverSplitsOne) {
  // "é" is two bytes, "…" three: the limit is in characters.
  EXPECT_EQ(PreviewExcerpt("ééééé", 5), "ééééé");
  EXPECT_EQ(PreviewExcerpt("éééééé", 5), "éééé…");
}

TEST(PreviewExcerpt, DropsInvalidUtf8) {
  EXPECT_EQ(PreviewExcerpt("a\xff\xfe"
                           "b\xc3",
                           10),
            "ab");
}

TEST(MakeThumbnail, MakesASmallWebpWithoutMetadataFromAnImage) {
  for (auto [name, type] :
       {std::pair{"screenshot.png", "image/png"}, std::pair{"image.webp", "image/webp"}}) {
    auto thumbnail = MakeThumbnail(ReadFixture(name), type);
    ASSERT_TRUE(thumbnail) << name;
    EXPECT_EQ(thumbnail->media_type, "image/webp");
    VipsImage* image =
        vips_image_new_from_buffer(thumbnail->bytes.data(), thumbnail->bytes.size(), "", nullptr);
    ASSERT_NE(image, nullptr);
    EXPECT_LE(vips_image_get_width(image), kThumbnailSize);
    EXPECT_LE(vips_image_get_height(image), kThumbnailSize);
    EXPECT_GT(vips_image_get_width(image), 0);
    EXPECT_FALSE(vips_image_get_typeof(image, VIPS_META_EXIF_NAME)) << name;
    EXPECT_FALSE(vips_image_get_typeof(image, VIPS_META_XMP_NAME)) << name;
    g_object_unref(image);
  }
}

TEST(MakeThumbnail, GivesNothingForOtherTypesOrWhatDoesNotDecode) {
  EXPECT_FALSE(MakeThumbnail(ReadFixture("letter.pdf"), "application/pdf"));
  EXPECT_FALSE(MakeThumbnail(ReadFixture("letter.pdf"), "image/png"));
  EXPECT_FALSE(MakeThumbnail(ReadFixture("broken.jpg"), "image/jpeg"));
  EXPECT_FALSE(MakeThumbnail("", "image/png"));
}

TEST(MakeThumbnail, RefusesAPictureOverThePixelLimit) {
  // bomb.png declares far more pixels than kMaxImagePixels.
  EXPECT_FALSE(MakeThumbnail(ReadFixture("bomb.png"), "image/png"));
}

TEST(PdfPreviewText, ReadsTheTextOfTheFirstPages) {
  auto text = PdfPreviewText(ReadFixture("letter.pdf"));
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Brief van de verhuurder"), std::string::npos) << *text;
}

TEST(PdfPreviewText, GivesNothingForWhatIsNotAReadablePdf) {
  EXPECT_FALSE(PdfPreviewText(""));
  EXPECT_FALSE(PdfPreviewText("%PDF-1.4\nnot really a pdf"));
  EXPECT_FALSE(PdfPreviewText(ReadFixture("screenshot.png")));
  EXPECT_FALSE(PdfPreviewText(std::string(kMaxPdfPreviewBytes + 1, ' ')));
}

}  // namespace
}  // namespace meldpunt::evidence
