#include "letters/page_flow.hpp"

#include <algorithm>

namespace meldpunt::letters::flow {
namespace {

double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

}  // namespace

FontDescription Describe(Style style) { return pdf::Describe(style.size, style.bold); }

Layout MakeLayout(PangoContext* context, const Block& block) {
  Layout layout(pango_layout_new(context));
  pango_layout_set_font_description(layout.get(), Describe(block.style).get());
  pango_layout_set_width(layout.get(), static_cast<int>(block.width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), block.align);
  pango_layout_set_line_spacing(layout.get(), 1.15f);
  pango_layout_set_text(layout.get(), block.text.data(), static_cast<int>(block.text.size()));
  return layout;
}

Paginator::Paginator(PangoContext* context, const std::vector<Block>& blocks, int max_pages)
    : context_(context), blocks_(blocks), max_pages_(max_pages), layouts_(blocks.size()) {}

bool Paginator::PlaceAll() {
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!Place(i)) return false;
  }
  return true;
}

PangoLayout* Paginator::LayoutOf(size_t index) {
  if (!layouts_[index]) layouts_[index] = MakeLayout(context_, blocks_[index]);
  return layouts_[index].get();
}

double Paginator::HeightOf(size_t index) {
  PangoRectangle logical;
  pango_layout_get_extents(LayoutOf(index), nullptr, &logical);
  return Points(logical.height);
}

bool Paginator::Place(size_t index) {
  const Block& block = blocks_[index];
  y_ += page_empty_ ? 0 : block.space_before;
  if (page_ == 0) y_ = std::max(y_, block.min_top);
  // What must not be split goes to the next page whole, unless it is taller than a page.
  if (block.keep_together || block.keep_with_next) {
    double height = HeightOf(index);
    if (block.keep_with_next && index + 1 < blocks_.size()) {
      height += blocks_[index + 1].space_before + HeightOf(index + 1);
    }
    if (y_ + height > kBottom && height <= kBottom - kTop && !NewPage()) return false;
  }
  PangoLayout* layout = LayoutOf(index);
  int count = pango_layout_get_line_count(layout);
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  bool fits = true;
  for (int line = 0;; ++line) {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iter, &top, &bottom);
    double height = Points(bottom - top);
    double needed = line == 0 && count > 1 ? 2 * height : height;
    if (y_ + needed > kBottom && !NewPage()) {
      fits = false;
      break;
    }
    // The line's x includes the offset of its alignment within the block.
    PangoRectangle extents;
    pango_layout_iter_get_line_extents(iter, nullptr, &extents);
    lines_.push_back({page_, block.x + Points(extents.x),
                      y_ + Points(pango_layout_iter_get_baseline(iter) - top),
                      pango_layout_iter_get_line_readonly(iter)});
    y_ += height;
    page_empty_ = false;
    if (!pango_layout_iter_next_line(iter)) break;
  }
  pango_layout_iter_free(iter);
  return fits;
}

// False when the page would be one too many. An empty page is never left behind.
bool Paginator::NewPage() {
  if (page_empty_) return true;
  if (page_ + 1 >= max_pages_) return false;
  ++page_;
  y_ = kTop;
  page_empty_ = true;
  return true;
}

}  // namespace meldpunt::letters::flow
