#include "pdf/pdf_output.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <new>

namespace meldpunt::pdf {
namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  // An exception must not cross cairo's C frames.
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

// Without the font, fontconfig would silently take another one; a document that goes out on
// paper should look the same on every installation.
bool HasFont(PangoFontMap* map, PangoContext* context) {
  std::unique_ptr<PangoFont, GUnref<PangoFont>> font(
      pango_font_map_load_font(map, context, Describe(10, false).get()));
  if (!font) return false;
  FontDescription found(pango_font_describe(font.get()));
  const char* family = pango_font_description_get_family(found.get());
  return family && g_ascii_strcasecmp(family, kFamily) == 0;
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

FontDescription Describe(double size, bool bold) {
  FontDescription font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFamily);
  pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

PdfOutput::PdfOutput(std::string_view title, std::string_view language) : language_(language) {
  surface_ = cairo_pdf_surface_create_for_stream(Append, &bytes_, kA4Width, kA4Height);
  cr_ = cairo_create(surface_);
  if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS) {
    problem_ = std::string("cairo: ") + cairo_status_to_string(cairo_status(cr_));
    return;
  }
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
  if (!title.empty()) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, std::string(title).c_str());
  }
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "meldpunt");
#endif
  // A font map of its own per document: Pango font maps are not to be shared between threads.
  map_ = pango_cairo_font_map_new();
  // For vector output: no hinting and no rounding to whole pixels, which at 72 units per inch
  // would visibly disturb the spacing of letters. The language guides hyphenation.
  context_ = pango_font_map_create_context(map_);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context_, 72);
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_language(context_, pango_language_from_string(language_.c_str()));
  pango_cairo_update_context(cr_, context_);
  if (!HasFont(map_, context_)) {
    problem_ = "the font DejaVu Sans is not installed (Debian package fonts-dejavu-core)";
  }
}

PdfOutput::~PdfOutput() {
  if (context_) g_object_unref(context_);
  if (map_) g_object_unref(map_);
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

Result<std::string> PdfOutput::Finish() {
  if (!problem_.empty()) return Error{problem_};
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  cairo_status_t status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) {
    return Error{std::string("cairo: ") + cairo_status_to_string(status)};
  }
  return WithLanguage(std::move(bytes_), language_);
}

std::string WithLanguage(std::string pdf, std::string_view language) {
  constexpr std::string_view kCatalog = "<< /Type /Catalog";
  size_t catalog = pdf.rfind(kCatalog);
  size_t xref = pdf.rfind("\nxref\n");
  size_t startxref = pdf.rfind("startxref\n");
  if (catalog == std::string::npos || xref == std::string::npos || xref < catalog ||
      startxref == std::string::npos || startxref < xref)
    return pdf;
  size_t end = pdf.find(">>\nendobj", catalog);
  if (end == std::string::npos ||
      pdf.substr(catalog, end - catalog).find("/Lang") != std::string::npos)
    return pdf;
  for (char c : language) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    if (!ok) return pdf;
  }
  std::string insert = "\n   /Lang (" + std::string(language) + ")";
  size_t at = catalog + kCatalog.size();
  // Offsets of the cross-reference table: "0000012345 00000 n \n", 20 bytes each, after the
  // subsection header "0 N\n".
  size_t header_end = pdf.find('\n', xref + 6);
  if (header_end == std::string::npos) return pdf;
  for (size_t entry = header_end + 1; entry + 20 <= startxref; entry += 20) {
    std::string_view offset(pdf.data() + entry, 10);
    if (!IsDigits(offset) || pdf[entry + 17] != 'n') continue;
    unsigned long long value = std::stoull(std::string(offset));
    if (value <= at) continue;
    char text[11];
    std::snprintf(text, sizeof text, "%010llu", value + insert.size());
    pdf.replace(entry, 10, text);
  }
  size_t number = startxref + 10;
  size_t number_end = pdf.find('\n', number);
  if (number_end == std::string::npos || !IsDigits(pdf.substr(number, number_end - number)))
    return pdf;
  unsigned long long start = std::stoull(pdf.substr(number, number_end - number));
  pdf.replace(number, number_end - number, std::to_string(start + insert.size()));
  pdf.insert(at, insert);
  return pdf;
}

}  // namespace meldpunt::pdf
