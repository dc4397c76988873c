#pragma once
// What every PDF of meldpunt shares (letters, the municipal report): an A4 cairo PDF surface
// written into memory, a Pango context set up for vector output in the document's language, the
// check that the font is installed, and the document's title and language in the PDF. Internal to
// the PDF libraries, which keep cairo and Pango out of their public headers.
#include <cairo.h>
#include <pango/pango.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace meldpunt::pdf {

// Page geometry in PDF points (1/72 inch).
inline constexpr double kMm = 72.0 / 25.4;
inline constexpr double kA4Width = 210 * kMm;
inline constexpr double kA4Height = 297 * kMm;

// The one font of every PDF, embedded as a subset (Debian: fonts-dejavu-core).
inline constexpr const char* kFamily = "DejaVu Sans";

template <class T>
struct GUnref {
  void operator()(T* object) const { g_object_unref(object); }
};
using Layout = std::unique_ptr<PangoLayout, GUnref<PangoLayout>>;
struct FontDescriptionFree {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
using FontDescription = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

// DejaVu Sans at an absolute size in points.
FontDescription Describe(double size, bool bold);

// One PDF being drawn. Safe to use from any number of threads at once, one object per thread:
// each has its own Pango font map, context and cairo surface; what they share underneath
// (fontconfig's configuration, cairo's and FreeType's font caches) is locked by those libraries.
class PdfOutput {
 public:
  // `language` is a BCP 47 tag ("nl", "en"): for hyphenation and the PDF's /Lang.
  PdfOutput(std::string_view title, std::string_view language);
  ~PdfOutput();
  PdfOutput(const PdfOutput&) = delete;
  PdfOutput& operator=(const PdfOutput&) = delete;

  // Empty when the surface works and the font is installed; else what is wrong.
  const std::string& problem() const { return problem_; }

  cairo_t* cr() const { return cr_; }
  PangoContext* context() const { return context_; }

  // Ends the document and returns its bytes, with the language in its catalog.
  Result<std::string> Finish();

 private:
  std::string bytes_;
  std::string language_;
  std::string problem_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoFontMap* map_ = nullptr;
  PangoContext* context_ = nullptr;
};

// The PDF with `/Lang (language)` in its document catalog and the cross-reference table moved
// to match (cairo 1.16 has no call for it). Unchanged when it has no catalog or already a /Lang.
std::string WithLanguage(std::string pdf, std::string_view language);

}  // namespace meldpunt::pdf
