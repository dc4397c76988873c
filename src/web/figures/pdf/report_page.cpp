#include "web/figures/pdf/report_page.hpp"

#include <pango/pangocairo.h>

namespace meldpunt::figures_pdf {

ReportPage::ReportPage(cairo_t* cr, PangoContext* context, std::string footer,
                       std::string page_word, int max_pages)
    : cr_(cr),
      context_(context),
      footer_(std::move(footer)),
      page_word_(std::move(page_word)),
      max_pages_(max_pages) {}

pdf::Layout ReportPage::Text(std::string_view text, const TextStyle& style, double width) const {
  pdf::Layout layout(pango_layout_new(context_));
  pango_layout_set_font_description(layout.get(), pdf::Describe(style.size, style.bold).get());
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.align);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  if (style.extra_space > 0) {
    PangoAttrList* attributes = pango_attr_list_new();
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != ' ') continue;
      PangoAttribute* wider =
          pango_attr_letter_spacing_new(static_cast<int>(style.extra_space * PANGO_SCALE));
      wider->start_index = static_cast<guint>(i);
      wider->end_index = static_cast<guint>(i + 1);
      pango_attr_list_insert(attributes, wider);
    }
    pango_layout_set_attributes(layout.get(), attributes);
    pango_attr_list_unref(attributes);
  }
  return layout;
}

double ReportPage::Height(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

void ReportPage::Draw(PangoLayout* layout, double x, double y, double gray) const {
  cairo_set_source_rgb(cr_, gray, gray, gray);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout);
}

bool ReportPage::NewPage() {
  if (page_ >= max_pages_) return false;
  Footer();
  cairo_show_page(cr_);
  ++page_;
  y_ = kTop;
  return true;
}

bool ReportPage::Block(const char* tag, std::string_view text, const TextStyle& style,
                       double space_before, double keep_with_next) {
  pdf::Layout layout = Text(text, style, kWidth);
  double height = Height(layout.get());
  double before = at_top() ? 0 : space_before;
  if (!Fits(before + height + keep_with_next) && !at_top()) {
    if (!NewPage()) return false;
    before = 0;
  }
  y_ += before;
  {
    Tag element(cr_, tag);
    Draw(layout.get(), kLeft, y_, style.gray);
  }
  y_ += height;
  return true;
}

void ReportPage::Finish() {
  Footer();
  cairo_show_page(cr_);
}

// Not tagged: a running footer is not part of the text's reading order.
void ReportPage::Footer() {
  std::string text = footer_ + " · " + page_word_ + " " + std::to_string(page_);
  pdf::Layout layout = Text(text, {.size = 7.5, .gray = 0.3}, kWidth);
  double baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
  Draw(layout.get(), kLeft, kFooterBaseline - baseline, 0.3);
}

Tag::Tag(cairo_t* cr, const char* name) : cr_(cr), name_(name) { cairo_tag_begin(cr_, name_, ""); }
Tag::~Tag() { cairo_tag_end(cr_, name_); }

}  // namespace meldpunt::figures_pdf
