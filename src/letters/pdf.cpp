#include "letters/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <new>

#include "letters/letter_check.hpp"
#include "letters/page_flow.hpp"

// fontconfig 2.14.1 (Debian 12) loses 288 bytes once per process while it parses its
// configuration on first use (FcInitLoadConfigAndFonts, called by Pango). It does not grow with
// renders and is not ours to fix; it is kept out of LeakSanitizer's report so that the sanitizer
// builds keep failing on every leak of our own. fontconfig has no frame pointers, so the default
// fast unwinder sees only its module, not the function. This hook is process-wide: a binary that
// links the letters gets it; a second definition elsewhere would fail the link, not go unnoticed.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MELDPUNT_LETTERS_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(MELDPUNT_LETTERS_ASAN)
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif

namespace meldpunt::letters {
namespace {

using flow::Block;
using flow::Describe;
using flow::FontDescription;
using flow::GUnref;
using flow::kFamily;
using flow::kLeft;
using flow::kMm;
using flow::kPageHeight;
using flow::kPageWidth;
using flow::Layout;
using flow::MakeLayout;
using flow::Paginator;
using flow::Style;

// Where things sit on the first page (NEN 1026: the address shows through the window of a C5
// or DL window envelope).
constexpr double kRecipientTop = 50 * kMm;
constexpr double kRecipientWidth = 85 * kMm;
constexpr double kDateTop = 95 * kMm;
constexpr double kParagraphGap = 8;
constexpr double kFooterBaseline = kPageHeight - 12 * kMm;

constexpr Style kText{10};
constexpr Style kStrong{10, true};
constexpr Style kBureauName{13, true};
constexpr Style kBureauLines{8.5};
constexpr Style kFooter{8};

using FontMap = std::unique_ptr<PangoFontMap, GUnref<PangoFontMap>>;
using Context = std::unique_ptr<PangoContext, GUnref<PangoContext>>;
using Font = std::unique_ptr<PangoFont, GUnref<PangoFont>>;
struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Cairo = std::unique_ptr<cairo_t, CairoDestroy>;

// Without the font, fontconfig would silently take another one; a letter that goes out on paper
// should look the same on every installation.
bool HasFont(PangoFontMap* map, PangoContext* context) {
  Font font(pango_font_map_load_font(map, context, Describe(kText).get()));
  if (!font) return false;
  FontDescription found(pango_font_describe(font.get()));
  const char* family = pango_font_description_get_family(found.get());
  return family && g_ascii_strcasecmp(family, kFamily) == 0;
}

// A context for vector output: no hinting and no rounding to whole pixels, which at 72 units per
// inch would visibly disturb the spacing of letters. The language guides hyphenation.
Context MakeContext(PangoFontMap* map, cairo_t* cr, Lang lang) {
  Context context(pango_font_map_create_context(map));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context.get(), 72);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  pango_context_set_language(context.get(),
                             pango_language_from_string(lang == Lang::kNl ? "nl" : "en"));
  pango_cairo_update_context(cr, context.get());
  return context;
}

std::vector<Block> Blocks(const LetterLayout& letter) {
  auto join = [](const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
    return text;
  };
  std::vector<Block> blocks;
  if (!letter.sender.empty()) {
    blocks.push_back(
        {.text = letter.sender.front(), .style = kBureauName, .align = PANGO_ALIGN_RIGHT});
    std::vector<std::string> rest(letter.sender.begin() + 1, letter.sender.end());
    if (!rest.empty()) {
      blocks.push_back({.text = join(rest),
                        .style = kBureauLines,
                        .align = PANGO_ALIGN_RIGHT,
                        .space_before = 2});
    }
  }
  if (!letter.recipient.empty()) {
    blocks.push_back({.text = join(letter.recipient),
                      .width = kRecipientWidth,
                      .space_before = 10 * kMm,
                      .min_top = kRecipientTop});
  }
  if (!letter.date_line.empty()) {
    blocks.push_back({.text = letter.date_line, .space_before = 10 * kMm, .min_top = kDateTop});
  }
  if (!letter.subject.empty()) {
    blocks.push_back({.text = letter.subject, .style = kStrong, .space_before = 4 * kMm});
  }
  for (size_t i = 0; i < letter.paragraphs.size(); ++i) {
    blocks.push_back(
        {.text = letter.paragraphs[i], .space_before = i == 0 ? 10 * kMm : kParagraphGap});
  }
  if (!letter.signature.empty()) {
    // The signature does not stand alone on the last page: the last paragraph goes with it.
    if (!letter.paragraphs.empty()) blocks.back().keep_with_next = true;
    blocks.push_back(
        {.text = join(letter.signature), .space_before = kParagraphGap, .keep_together = true});
  }
  return blocks;
}

void DrawPageNumber(cairo_t* cr, PangoContext* context, Lang lang, int page, int pages) {
  std::string text = (lang == Lang::kNl ? "Pagina " : "Page ") + std::to_string(page) +
                     (lang == Lang::kNl ? " van " : " of ") + std::to_string(pages);
  Layout layout = MakeLayout(context, {.text = text, .style = kFooter, .align = PANGO_ALIGN_RIGHT});
  cairo_move_to(
      cr, kLeft,
      kFooterBaseline - static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE);
  pango_cairo_show_layout(cr, layout.get());
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  // An exception must not cross cairo's C frames.
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

Result<std::string> RenderLetterPdf(const LetterLayout& letter) {
  if (auto problem = CheckLetterLayout(letter)) return Error{*problem};

  std::string pdf;
  Surface surface(cairo_pdf_surface_create_for_stream(Append, &pdf, kPageWidth, kPageHeight));
  Cairo cr(cairo_create(surface.get()));
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
    return Error{std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get()))};
  }
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
  if (!letter.title.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, letter.title.c_str());
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "meldpunt");
#endif

  // A font map of its own per call: Pango font maps are not to be shared between threads.
  FontMap map(pango_cairo_font_map_new());
  Context context = MakeContext(map.get(), cr.get(), letter.lang);
  if (!HasFont(map.get(), context.get())) {
    return Error{"the font DejaVu Sans is not installed (Debian package fonts-dejavu-core)"};
  }

  std::vector<Block> blocks = Blocks(letter);
  Paginator paginator(context.get(), blocks, kMaxPages);
  if (!paginator.PlaceAll()) {
    return Error{"the letter would take more than " + std::to_string(kMaxPages) + " pages"};
  }

  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  auto line = paginator.lines().begin();
  for (int page = 0; page < paginator.pages(); ++page) {
    for (; line != paginator.lines().end() && line->page == page; ++line) {
      cairo_move_to(cr.get(), line->x, line->baseline);
      pango_cairo_show_layout_line(cr.get(), line->line);
    }
    if (paginator.pages() > 1) {
      DrawPageNumber(cr.get(), context.get(), letter.lang, page + 1, paginator.pages());
    }
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error{std::string("cairo: ") +
                 cairo_status_to_string(cairo_surface_status(surface.get()))};
  }
  surface.reset();
  return pdf;
}

}  // namespace meldpunt::letters
