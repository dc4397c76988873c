#include "evidence/previews.hpp"

#include <cairo.h>
#include <glib.h>
#include <poppler.h>
#include <vips/vips.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

#include "domain/reports/evidence.hpp"
#include "evidence/images.hpp"

namespace meldpunt::evidence {
namespace {

std::counting_semaphore<kConcurrentPreviews> preview_jobs(kConcurrentPreviews);

// Holds one of the preview slots while it lives: a case page with twenty files must not take
// every core of the machine.
class PreviewSlot {
 public:
  PreviewSlot() { preview_jobs.acquire(); }
  ~PreviewSlot() { preview_jobs.release(); }
  PreviewSlot(const PreviewSlot&) = delete;
  PreviewSlot& operator=(const PreviewSlot&) = delete;
};

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
using VipsImagePtr = std::unique_ptr<VipsImage, GObjectUnref>;
using PopplerDocumentPtr = std::unique_ptr<PopplerDocument, GObjectUnref>;
using PopplerPagePtr = std::unique_ptr<PopplerPage, GObjectUnref>;

// Frees what libvips keeps per thread when an operation ends, also when it failed.
struct VipsThreadCleanup {
  ~VipsThreadCleanup() {
    vips_error_clear();
    vips_thread_shutdown();
  }
};

// One UTF-8 sequence at text[i]: its code point and length; length 0 when it is not valid.
std::pair<char32_t, size_t> DecodeUtf8(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead >= 0xF5 || i + length > text.size()) return {0, 0};
  char32_t code = lead & (0x3F >> (length - 1));
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not text.
  if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000) || code > 0x10FFFF ||
      (code >= 0xD800 && code <= 0xDFFF))
    return {0, 0};
  return {code, length};
}

// A PDF opened from bytes (kept alive by the document), or why not.
struct OpenedPdf {
  std::unique_ptr<GBytes, decltype(&g_bytes_unref)> data{nullptr, g_bytes_unref};
  PopplerDocumentPtr document;
  PdfProblem problem = PdfProblem::kNone;
};

OpenedPdf OpenPdf(std::string_view bytes) {
  OpenedPdf pdf;
  pdf.data.reset(g_bytes_new(bytes.data(), bytes.size()));
  GError* error = nullptr;
  pdf.document.reset(poppler_document_new_from_bytes(pdf.data.get(), nullptr, &error));
  if (!pdf.document) {
    pdf.problem = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED
                      ? PdfProblem::kLocked
                      : PdfProblem::kBroken;
  }
  if (error) g_error_free(error);
  return pdf;
}

// Page 1 drawn by poppler on a white cairo image of at most kThumbnailSize pixels on its longest
// side, as WebP.
std::optional<Thumbnail> RenderFirstPage(std::string_view bytes) {
  OpenedPdf pdf = OpenPdf(bytes);
  if (!pdf.document || poppler_document_get_n_pages(pdf.document.get()) < 1) return std::nullopt;
  PopplerPagePtr page(poppler_document_get_page(pdf.document.get(), 0));
  if (!page) return std::nullopt;
  double width = 0, height = 0;
  poppler_page_get_size(page.get(), &width, &height);
  if (!(width > 0 && height > 0) || !std::isfinite(width) || !std::isfinite(height))
    return std::nullopt;
  // The scale from the page's points to pixels: the longest side kThumbnailSize, so the bitmap
  // is bounded whatever size the page claims.
  const double scale = kThumbnailSize / std::max(width, height);
  const int w = std::clamp(static_cast<int>(std::lround(width * scale)), 1, kThumbnailSize);
  const int h = std::clamp(static_cast<int>(std::lround(height * scale)), 1, kThumbnailSize);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
  {
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                          cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    poppler_page_render(page.get(), cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
  }
  cairo_surface_flush(surface.get());
  // RGB24 is one 32-bit word per pixel, 0x00RRGGBB in native byte order; libvips wants RGB bytes.
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      unsigned char* out = &rgb[(static_cast<size_t>(y) * w + x) * 3];
      out[0] = (row[x] >> 16) & 0xFF;
      out[1] = (row[x] >> 8) & 0xFF;
      out[2] = row[x] & 0xFF;
    }
  }
  InitImages();
  VipsThreadCleanup cleanup;
  VipsImagePtr image(
      vips_image_new_from_memory(rgb.data(), rgb.size(), w, h, 3, VIPS_FORMAT_UCHAR));
  if (!image) return std::nullopt;
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_webpsave_buffer(image.get(), &buffer, &length, "Q", 75, "strip", TRUE, nullptr) != 0)
    return std::nullopt;
  Thumbnail result{std::string(static_cast<const char*>(buffer), length), "image/webp"};
  g_free(buffer);
  return result;
}

bool IsSpaceOrControl(char32_t code) {
  return code <= 0x20 || (code >= 0x7F && code <= 0xA0) || code == 0x2028 || code == 0x2029 ||
         code == 0xFEFF || code == 0x200B;
}

}  // namespace

bool HasThumbnail(std::string_view media_type) {
  return media_type == "image/jpeg" || media_type == "image/png" || media_type == "image/webp";
}

bool HasTextPreview(std::string_view media_type) { return media_type == "application/pdf"; }

std::optional<Thumbnail> MakeThumbnail(std::string_view bytes, std::string_view media_type) {
  if (!HasThumbnail(media_type) || bytes.empty()) return std::nullopt;
  InitImages();
  PreviewSlot slot;
  VipsThreadCleanup cleanup;
  void* data = const_cast<char*>(bytes.data());
  // The header first: a stored image was checked at upload, but the bound is kept here too.
  VipsImagePtr header(vips_image_new_from_buffer(data, bytes.size(), "", nullptr));
  if (!header) return std::nullopt;
  long long pixels = static_cast<long long>(vips_image_get_width(header.get())) *
                     vips_image_get_height(header.get());
  if (pixels <= 0 || pixels > kMaxImagePixels) return std::nullopt;
  header.reset();
  // vips_thumbnail_buffer shrinks while decoding where the format allows (JPEG), so a large
  // photo costs a fraction of a full decode.
  VipsImage* out = nullptr;
  if (vips_thumbnail_buffer(data, bytes.size(), &out, kThumbnailSize, "height", kThumbnailSize,
                            "size", VIPS_SIZE_DOWN, nullptr) != 0)
    return std::nullopt;
  VipsImagePtr thumbnail(out);
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_webpsave_buffer(thumbnail.get(), &buffer, &length, "Q", 75, "strip", TRUE, nullptr) != 0)
    return std::nullopt;
  Thumbnail result{std::string(static_cast<const char*>(buffer), length), "image/webp"};
  g_free(buffer);
  if (!StripWebpMetadata(result.bytes)) return std::nullopt;
  return result;
}

std::optional<Thumbnail> MakePdfThumbnail(std::string_view bytes,
                                          std::chrono::milliseconds deadline) {
  if (bytes.empty() || bytes.size() > kMaxPdfPreviewBytes) return std::nullopt;
  // The render runs on a thread of its own, so that a request waits at most `deadline`: poppler
  // cannot be interrupted. One that runs over finishes in the background and is dropped; it holds
  // a preview slot while it runs, so runaway renders never take more than kConcurrentPreviews
  // cores.
  struct Shared {
    std::mutex mutex;
    std::condition_variable done_changed;
    bool done = false;
    std::optional<Thumbnail> result;
    std::string bytes;
  };
  auto shared = std::make_shared<Shared>();
  shared->bytes.assign(bytes);
  std::thread([shared] {
    std::optional<Thumbnail> result;
    {
      PreviewSlot slot;
      result = RenderFirstPage(shared->bytes);
    }
    std::lock_guard lock(shared->mutex);
    shared->result = std::move(result);
    shared->done = true;
    shared->done_changed.notify_all();
  }).detach();
  std::unique_lock lock(shared->mutex);
  if (!shared->done_changed.wait_for(lock, deadline, [&] { return shared->done; }))
    return std::nullopt;
  return std::move(shared->result);
}

PdfPreview ReadPdfPreview(std::string_view bytes) {
  PdfPreview preview;
  if (bytes.empty() || bytes.size() > kMaxPdfPreviewBytes) {
    preview.problem = PdfProblem::kBroken;
    return preview;
  }
  PreviewSlot slot;
  OpenedPdf pdf = OpenPdf(bytes);
  if (!pdf.document) {
    preview.problem = pdf.problem;
    return preview;
  }
  std::string text;
  int pages = std::min(poppler_document_get_n_pages(pdf.document.get()), kMaxPdfPreviewPages);
  for (int i = 0; i < pages && text.size() < 8 * kMaxPdfPreviewChars; ++i) {
    PopplerPagePtr page(poppler_document_get_page(pdf.document.get(), i));
    if (!page) continue;
    gchar* page_text = poppler_page_get_text(page.get());
    if (page_text) {
      text.append(page_text).push_back(' ');
      g_free(page_text);
    }
  }
  std::string excerpt = PreviewExcerpt(text, kMaxPdfPreviewChars);
  if (!excerpt.empty()) preview.text = std::move(excerpt);
  return preview;
}

std::optional<std::string> PdfPreviewText(std::string_view bytes) {
  return ReadPdfPreview(bytes).text;
}

std::string PreviewExcerpt(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  size_t last_space = std::string::npos;  // byte offset of the last space written
  bool pending_space = false;
  bool cut = false;
  for (size_t i = 0; i < text.size();) {
    auto [code, length] = DecodeUtf8(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    std::string_view sequence = text.substr(i, length);
    i += length;
    if (IsSpaceOrControl(code)) {
      pending_space = !out.empty();
      continue;
    }
    if (chars + (pending_space ? 2 : 1) > max_chars) {
      cut = true;
      break;
    }
    if (pending_space) {
      last_space = out.size();
      out.push_back(' ');
      ++chars;
      pending_space = false;
    }
    out.append(sequence);
    ++chars;
  }
  if (!cut) return out;
  // Cut at the last word boundary unless that would drop most of the excerpt (one long word).
  if (last_space != std::string::npos && last_space > out.size() / 2) {
    out.resize(last_space);
    chars = 0;
    for (char c : out) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  // Room for the ellipsis within max_chars: drop whole code points from the end.
  while (chars + 1 > max_chars && !out.empty()) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty()) out.pop_back();
    --chars;
  }
  return out + "…";
}

}  // namespace meldpunt::evidence
