#pragma once
// The pages of the municipal report PDF: margins, a cursor that runs down the page, a footer with
// the page number, and text set with Pango and tagged for the PDF's structure tree. Internal to
// the figures_pdf library.
#include <cairo.h>
#include <pango/pango.h>

#include <string>
#include <string_view>

#include "pdf/pdf_output.hpp"

namespace meldpunt::figures_pdf {

using pdf::kMm;
inline constexpr double kLeft = 20 * kMm;
inline constexpr double kWidth = pdf::kA4Width - 40 * kMm;
inline constexpr double kTop = 18 * kMm;
inline constexpr double kBottom = pdf::kA4Height - 20 * kMm;  // of the content
inline constexpr double kFooterBaseline = pdf::kA4Height - 11 * kMm;

struct TextStyle {
  double size = 9;
  bool bold = false;
  double gray = 0;  // 0 black; text stays at least 4.5:1 against white (WCAG AA) up to 0.45
  PangoAlignment align = PANGO_ALIGN_LEFT;
  // Spaces wider by this many points: keeps "< 5" two words for text extraction, which lays
  // text out on a grid of characters and can swallow a narrow space (pdftotext -layout).
  double extra_space = 0;
};

class ReportPage {
 public:
  ReportPage(cairo_t* cr, PangoContext* context, std::string footer, std::string page_word,
             int max_pages);

  cairo_t* cr() const { return cr_; }

  // Text wrapped within `width` (at words, or inside a word longer than the line); plain text,
  // never markup.
  pdf::Layout Text(std::string_view text, const TextStyle& style, double width) const;
  static double Height(PangoLayout* layout);
  // Draws the layout with its top left corner at (x, y) in its style's gray.
  void Draw(PangoLayout* layout, double x, double y, double gray) const;

  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  bool Fits(double height) const { return y_ + height <= kBottom; }
  bool at_top() const { return y_ <= kTop; }

  // Ends the page (footer, page break) and starts the next; false when that would be one page
  // too many.
  bool NewPage();
  // A block of text whole under a structure tag ("H1", "P"...), after `space_before` unless at
  // the top of a page; a new page first when it and `keep_with_next` points more do not fit.
  bool Block(const char* tag, std::string_view text, const TextStyle& style, double space_before,
             double keep_with_next = 0);
  // Ends the last page.
  void Finish();
  int pages() const { return page_; }

 private:
  void Footer();

  cairo_t* const cr_;
  PangoContext* const context_;
  const std::string footer_;
  const std::string page_word_;
  const int max_pages_;
  int page_ = 1;
  double y_ = kTop;
};

// Opens and closes a structure element of the PDF around what is drawn in between.
class Tag {
 public:
  Tag(cairo_t* cr, const char* name);
  ~Tag();
  Tag(const Tag&) = delete;
  Tag& operator=(const Tag&) = delete;

 private:
  cairo_t* const cr_;
  const char* const name_;
};

}  // namespace meldpunt::figures_pdf
