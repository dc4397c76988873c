#pragma once
// Blocks of text flowed onto A4 pages with Pango: lines wrap within a block's width, blocks follow
// each other from top to bottom, and a page ends where the next line does not fit. Measuring
// only; pdf.cpp draws the placed lines. Internal to the letters library.
#include <pango/pango.h>

#include <memory>
#include <string>
#include <vector>

#include "pdf/pdf_output.hpp"

namespace meldpunt::letters::flow {

// Page geometry in PDF points (1/72 inch).
using pdf::kMm;
inline constexpr double kPageWidth = pdf::kA4Width;
inline constexpr double kPageHeight = pdf::kA4Height;
inline constexpr double kLeft = 25 * kMm;
inline constexpr double kTextWidth = kPageWidth - kLeft - 20 * kMm;
inline constexpr double kTop = 20 * kMm;
inline constexpr double kBottom = kPageHeight - 25 * kMm;  // of the text; page numbers go below

using pdf::kFamily;

struct Style {
  double size;  // points
  bool bold = false;
};

using pdf::FontDescription;
using pdf::GUnref;
using pdf::Layout;

FontDescription Describe(Style style);

// One piece of text set as a unit: the letterhead, the address, a paragraph...
struct Block {
  std::string text;
  Style style{10};
  double x = kLeft;
  double width = kTextWidth;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double space_before = 0;  // left out at the top of a page
  double min_top = 0;       // on the first page, not higher than this
  bool keep_together = false;
  bool keep_with_next = false;  // on the same page as the next block, and not split itself
};

// The block's text laid out as plain text (never markup), wrapped at words, or within a word
// that is longer than the line.
Layout MakeLayout(PangoContext* context, const Block& block);

struct PlacedLine {
  int page;  // from 0
  double x;
  double baseline;
  PangoLayoutLine* line;  // owned by its layout in the Paginator
};

// Places the lines of the blocks on pages and keeps their layouts alive. A paragraph's first line
// is not left alone at the foot of a page.
class Paginator {
 public:
  Paginator(PangoContext* context, const std::vector<Block>& blocks, int max_pages);

  // False as soon as the blocks need more than max_pages pages. Layouts are made as they are
  // needed, so that a text far too long stops early.
  bool PlaceAll();

  int pages() const { return page_ + 1; }
  const std::vector<PlacedLine>& lines() const { return lines_; }

 private:
  PangoLayout* LayoutOf(size_t index);
  double HeightOf(size_t index);
  bool Place(size_t index);
  bool NewPage();

  PangoContext* const context_;
  const std::vector<Block>& blocks_;
  const int max_pages_;
  std::vector<Layout> layouts_;  // per block, made when first needed
  std::vector<PlacedLine> lines_;
  int page_ = 0;
  double y_ = kTop;
  bool page_empty_ = true;
};

}  // namespace meldpunt::letters::flow
