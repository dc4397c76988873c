#include "letters/pdf.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include "letters/letter_check.hpp"
#include "letters/page_flow.hpp"
#include "pdf/pdf_output.hpp"

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
using flow::kLeft;
using flow::kMm;
using flow::kPageHeight;
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

}  // namespace

Result<std::string> RenderLetterPdf(const LetterLayout& letter) {
  if (auto problem = CheckLetterLayout(letter)) return Error{*problem};

  pdf::PdfOutput output(letter.title, letter.lang == Lang::kNl ? "nl" : "en");
  if (!output.problem().empty()) return Error{output.problem()};
  cairo_t* cr = output.cr();
  PangoContext* context = output.context();

  std::vector<Block> blocks = Blocks(letter);
  Paginator paginator(context, blocks, kMaxPages);
  if (!paginator.PlaceAll()) {
    return Error{"the letter would take more than " + std::to_string(kMaxPages) + " pages"};
  }

  cairo_set_source_rgb(cr, 0, 0, 0);
  auto line = paginator.lines().begin();
  for (int page = 0; page < paginator.pages(); ++page) {
    for (; line != paginator.lines().end() && line->page == page; ++line) {
      cairo_move_to(cr, line->x, line->baseline);
      pango_cairo_show_layout_line(cr, line->line);
    }
    if (paginator.pages() > 1) {
      DrawPageNumber(cr, context, letter.lang, page + 1, paginator.pages());
    }
    cairo_show_page(cr);
  }
  return output.Finish();
}

}  // namespace meldpunt::letters
