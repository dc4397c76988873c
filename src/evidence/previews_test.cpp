#include "evidence/previews.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <vips/vips.h>

#include <chrono>

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

// A PDF made here with cairo: page 1 of width x height points, its top half black, with
// `squares` tiny squares drawn on top of that (a page slow to draw), and a word of text.
std::string MakePdf(double width, double height, int squares = 0) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &pdf, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_rectangle(cr, 0, 0, width, height / 2);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
  for (int i = 0; i < squares; ++i) {
    cairo_rectangle(cr, (i * 7) % static_cast<int>(width), (i * 13) % static_cast<int>(height), 1,
                    1);
    cairo_fill(cr);
  }
  cairo_move_to(cr, 20, height * 0.75);
  cairo_show_text(cr, "Verhuurder");
  cairo_show_page(cr);
  cairo_show_page(cr);  // a second, empty page
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return pdf;
}

// The same PDF with an encryption dictionary in its trailer: it opens only with a password.
std::string LockPdf(std::string pdf) {
  size_t trailer = pdf.rfind("trailer");
  size_t open = pdf.find("<<", trailer);
  std::string hex32(64, 'A');
  pdf.insert(open + 2, " /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + hex32 + "> /U <" + hex32 +
                           "> /P -4 >> /ID [<0123456789ABCDEF0123456789ABCDEF> "
                           "<0123456789ABCDEF0123456789ABCDEF>]");
  return pdf;
}

struct Decoded {
  int width = 0;
  int height = 0;
  double top = 0;     // mean of the top quarter's pixels, 0 black to 255 white
  double bottom = 0;  // the same of the bottom quarter
};

Decoded Decode(const std::string& webp) {
  Decoded out;
  VipsImage* image = vips_image_new_from_buffer(webp.data(), webp.size(), "", nullptr);
  if (!image) return out;
  out.width = vips_image_get_width(image);
  out.height = vips_image_get_height(image);
  VipsImage* part = nullptr;
  if (out.height >= 4 && vips_crop(image, &part, 0, 0, out.width, out.height / 4, nullptr) == 0) {
    vips_avg(part, &out.top, nullptr);
    g_object_unref(part);
  }
  if (out.height >= 4 && vips_crop(image, &part, 0, out.height - out.height / 4, out.width,
                                   out.height / 4, nullptr) == 0) {
    vips_avg(part, &out.bottom, nullptr);
    g_object_unref(part);
  }
  g_object_unref(image);
  return out;
}

TEST(MakePdfThumbnail, DrawsTheFirstPageAsASmallWebp) {
  // A4 portrait: 595 x 842 points, so 170 x 240 pixels.
  auto thumbnail = MakePdfThumbnail(MakePdf(595, 842));
  ASSERT_TRUE(thumbnail);
  EXPECT_EQ(thumbnail->media_type, "image/webp");
  ASSERT_GT(thumbnail->bytes.size(), 12u);
  EXPECT_EQ(thumbnail->bytes.substr(0, 4), "RIFF");
  EXPECT_EQ(thumbnail->bytes.substr(8, 4), "WEBP");
  Decoded image = Decode(thumbnail->bytes);
  EXPECT_EQ(image.height, kThumbnailSize);
  EXPECT_EQ(image.width, 170);
  // What the page shows: black on top, white below (the paper, not transparency).
  EXPECT_LT(image.top, 30);
  EXPECT_GT(image.bottom, 220);
}

TEST(MakePdfThumbnail, BoundsThePictureWhateverSizeThePageClaims) {
  // 200 inches wide (the largest page PDF allows) and one inch high: 240 x 1 pixels.
  auto wide = MakePdfThumbnail(MakePdf(14400, 72));
  ASSERT_TRUE(wide);
  Decoded image = Decode(wide->bytes);
  EXPECT_EQ(image.width, kThumbnailSize);
  EXPECT_LE(image.height, 2);
  EXPECT_GE(image.height, 1);
  // A tiny page is drawn larger, still at most kThumbnailSize on its longest side.
  auto tiny = MakePdfThumbnail(MakePdf(10, 20));
  ASSERT_TRUE(tiny);
  EXPECT_EQ(Decode(tiny->bytes).height, kThumbnailSize);
}

TEST(MakePdfThumbnail, GivesNothingForABrokenLockedOrOversizedPdf) {
  EXPECT_FALSE(MakePdfThumbnail(""));
  EXPECT_FALSE(MakePdfThumbnail("%PDF-1.4\nnot really a pdf"));
  EXPECT_FALSE(MakePdfThumbnail(ReadFixture("screenshot.png")));
  EXPECT_FALSE(MakePdfThumbnail(LockPdf(MakePdf(595, 842))));
  EXPECT_FALSE(MakePdfThumbnail(std::string(kMaxPdfPreviewBytes + 1, ' ')));
}

TEST(MakePdfThumbnail, GivesUpAfterItsDeadline) {
  // A page of 200,000 squares takes far longer than no time at all to draw.
  std::string slow = MakePdf(595, 842, 200'000);
  EXPECT_FALSE(MakePdfThumbnail(slow, std::chrono::milliseconds(0)));
  // With time enough it is drawn.
  EXPECT_TRUE(MakePdfThumbnail(slow, std::chrono::seconds(60)));
}

TEST(ReadPdfPreview, SaysWhetherAPdfIsBrokenOrLocked) {
  std::string pdf = MakePdf(595, 842);
  PdfPreview readable = ReadPdfPreview(pdf);
  EXPECT_EQ(readable.problem, PdfProblem::kNone);
  ASSERT_TRUE(readable.text);
  EXPECT_EQ(*readable.text, "Verhuurder");
  EXPECT_EQ(ReadPdfPreview(LockPdf(pdf)).problem, PdfProblem::kLocked);
  EXPECT_EQ(ReadPdfPreview("%PDF-1.4\nnot really a pdf").problem, PdfProblem::kBroken);
  EXPECT_EQ(ReadPdfPreview(ReadFixture("screenshot.png")).problem, PdfProblem::kBroken);
  EXPECT_EQ(ReadPdfPreview(ReadFixture("letter.pdf")).problem, PdfProblem::kNone);
}

}  // namespace
}  // namespace meldpunt::evidence
