#include "evidence/images.hpp"

#include <vips/vips.h>
#include <webp/mux.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace meldpunt::evidence {
namespace {

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Frees what libvips keeps per thread when an operation ends, also when it failed.
struct ThreadCleanup {
  ~ThreadCleanup() {
    vips_error_clear();
    vips_thread_shutdown();
  }
};

// Runs a libvips operation that makes one image from another; null when it fails.
template <class Op>
Image Apply(const Image& in, Op op) {
  VipsImage* out = nullptr;
  if (op(in.get(), &out) != 0) return nullptr;
  return Image(out);
}

Image Load(std::string_view bytes, EvidenceType type) {
  // The loader follows the sniffed type; libvips does not guess. Serious decoding errors and
  // truncation fail the load instead of giving a partly grey picture.
  void* data = const_cast<char*>(bytes.data());
  VipsImage* out = nullptr;
  int failed = -1;
  switch (type) {
    case EvidenceType::kJpeg:
      failed =
          vips_jpegload_buffer(data, bytes.size(), &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case EvidenceType::kPng:
      failed =
          vips_pngload_buffer(data, bytes.size(), &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case EvidenceType::kWebp:
      failed =
          vips_webpload_buffer(data, bytes.size(), &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case EvidenceType::kGif:
      failed =
          vips_gifload_buffer(data, bytes.size(), &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case EvidenceType::kHeic:
      failed =
          vips_heifload_buffer(data, bytes.size(), &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    default:
      break;
  }
  return failed == 0 ? Image(out) : nullptr;
}

// sRGB without an embedded profile: the profile would be stripped on saving, and a picture from
// a wide-gamut phone camera or a CMYK scan would then show wrong colours.
Image ToSrgb(Image image) {
  if (vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME)) {
    Image transformed = Apply(image, [](VipsImage* in, VipsImage** out) {
      return vips_icc_transform(in, out, "srgb", "embedded", TRUE, "intent", VIPS_INTENT_RELATIVE,
                                nullptr);
    });
    if (transformed) return transformed;
    vips_error_clear();  // a broken profile: keep the pixels as they are
  }
  if (vips_image_get_interpretation(image.get()) == VIPS_INTERPRETATION_CMYK) {
    return Apply(image, [](VipsImage* in, VipsImage** out) {
      return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, nullptr);
    });
  }
  return image;
}

// A copy of the image header without any metadata field: the savers' own "strip" is not to be
// trusted alone (libvips 8.14 writes EXIF and XMP into WebP files despite it).
Image WithoutMetadata(const Image& image) {
  Image copy =
      Apply(image, [](VipsImage* in, VipsImage** out) { return vips_copy(in, out, nullptr); });
  if (!copy) return nullptr;
  gchar** fields = vips_image_get_fields(copy.get());
  // Basic header fields (width, bands, ...) are not metadata and cannot be removed; the call
  // leaves them.
  for (gchar** field = fields; *field; ++field) vips_image_remove(copy.get(), *field);
  g_strfreev(fields);
  return copy;
}

// libvips 8.14 writes an EXIF block of its own into every WebP file, "strip" or not (only basic
// fields once the metadata is removed, but still EXIF). libwebpmux takes the metadata chunks out.
bool StripWebpChunks(std::string& bytes) {
  WebPData input{reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()};
  std::unique_ptr<WebPMux, decltype(&WebPMuxDelete)> mux(WebPMuxCreate(&input, 0), WebPMuxDelete);
  if (!mux) return false;
  for (const char* chunk : {"EXIF", "XMP ", "ICCP"}) {
    WebPMuxError error = WebPMuxDeleteChunk(mux.get(), chunk);
    if (error != WEBP_MUX_OK && error != WEBP_MUX_NOT_FOUND) return false;
  }
  WebPData output;
  WebPDataInit(&output);
  if (WebPMuxAssemble(mux.get(), &output) != WEBP_MUX_OK) return false;
  bytes.assign(reinterpret_cast<const char*>(output.bytes), output.size);
  WebPDataClear(&output);
  return true;
}

// Whether an encoded image still carries any metadata libvips can find in it.
bool HoldsMetadata(const std::string& bytes) {
  Image image(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!image) return true;  // what we cannot read back, we do not hand out
  for (const char* field : {VIPS_META_EXIF_NAME, VIPS_META_XMP_NAME, VIPS_META_IPTC_NAME,
                            VIPS_META_ICC_NAME, VIPS_META_PHOTOSHOP_NAME}) {
    if (vips_image_get_typeof(image.get(), field)) return true;
  }
  return false;
}

struct Saved {
  std::string bytes;
  bool ok = false;
};

Saved Save(const Image& image, bool as_jpeg, EvidenceType type) {
  void* buffer = nullptr;
  size_t length = 0;
  int failed = -1;
  // "strip" drops every kind of metadata the saver could write.
  if (as_jpeg) {
    failed = vips_jpegsave_buffer(image.get(), &buffer, &length, "Q", 92, "strip", TRUE,
                                  "optimize_coding", TRUE, nullptr);
  } else if (type == EvidenceType::kWebp) {
    failed = vips_webpsave_buffer(image.get(), &buffer, &length, "Q", 92, "strip", TRUE, nullptr);
  } else {
    failed = vips_pngsave_buffer(image.get(), &buffer, &length, "strip", TRUE, nullptr);
  }
  Saved saved;
  if (failed == 0) {
    saved.bytes.assign(static_cast<const char*>(buffer), length);
    saved.ok = true;
  }
  g_free(buffer);
  return saved;
}

}  // namespace

bool StripWebpMetadata(std::string& bytes) { return StripWebpChunks(bytes); }

void InitImages() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("meldpunt") != 0) {
      throw std::runtime_error(std::string("libvips could not start: ") + vips_error_buffer());
    }
    // The worker pool already runs requests in parallel; each image uses one thread. Nothing is
    // cached between requests: every image is someone's evidence and is seen once.
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    // A file that does not decode is refused with a reason; libvips's own warnings about a
    // stranger's file would only clutter the service's structured log on stderr.
    g_log_set_handler(
        "VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
        [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  });
}

bool CanDecode(EvidenceType type) {
  InitImages();
  switch (type) {
    case EvidenceType::kHeic:
      return vips_type_find("VipsOperation", "heifload_buffer") != 0;
    case EvidenceType::kJpeg:
    case EvidenceType::kPng:
    case EvidenceType::kWebp:
    case EvidenceType::kGif:
      return true;
    default:
      return false;
  }
}

std::variant<CleanImage, EvidenceRefusal> ReencodeImage(std::string_view bytes, EvidenceType type) {
  InitImages();
  if (!CanDecode(type)) return EvidenceRefusal::kUnavailable;
  ThreadCleanup cleanup;
  // Loading reads the header only; the pixels are decoded when they are first needed.
  Image image = Load(bytes, type);
  if (!image) return EvidenceRefusal::kImageUnreadable;
  long long pixels = static_cast<long long>(vips_image_get_width(image.get())) *
                     vips_image_get_height(image.get());
  if (pixels > kMaxImagePixels) return EvidenceRefusal::kImageTooLarge;
  image =
      Apply(image, [](VipsImage* in, VipsImage** out) { return vips_autorot(in, out, nullptr); });
  if (image) image = ToSrgb(std::move(image));
  if (image) image = WithoutMetadata(image);
  if (!image) return EvidenceRefusal::kImageUnreadable;
  bool as_jpeg = type == EvidenceType::kJpeg || type == EvidenceType::kHeic;
  Saved saved = Save(image, as_jpeg, type);
  // A decoding error may only show while saving, when the pixels are read.
  if (!saved.ok) return EvidenceRefusal::kImageUnreadable;
  if (type == EvidenceType::kWebp && !StripWebpChunks(saved.bytes)) {
    return EvidenceRefusal::kUnavailable;
  }
  if (HoldsMetadata(saved.bytes)) return EvidenceRefusal::kUnavailable;
  std::string media_type = as_jpeg                       ? "image/jpeg"
                           : type == EvidenceType::kWebp ? "image/webp"
                                                         : "image/png";
  return CleanImage{std::move(saved.bytes), std::move(media_type)};
}

std::optional<std::string> ReencodeLogo(std::string_view bytes, EvidenceType type, int max_width,
                                        int max_height) {
  if (type != EvidenceType::kJpeg && type != EvidenceType::kPng && type != EvidenceType::kWebp) {
    return std::nullopt;
  }
  InitImages();
  ThreadCleanup cleanup;
  Image image = Load(bytes, type);
  if (!image) return std::nullopt;
  long long pixels = static_cast<long long>(vips_image_get_width(image.get())) *
                     vips_image_get_height(image.get());
  if (pixels > kMaxImagePixels) return std::nullopt;
  image = ToSrgb(std::move(image));
  if (!image) return std::nullopt;
  // Shrinks to fit the box, keeping the proportions; a small logo keeps its size.
  image = Apply(image, [&](VipsImage* in, VipsImage** out) {
    return vips_thumbnail_image(in, out, max_width, "height", max_height, "size", VIPS_SIZE_DOWN,
                                nullptr);
  });
  if (image) image = WithoutMetadata(image);
  if (!image) return std::nullopt;
  Saved saved = Save(image, false, EvidenceType::kPng);
  if (!saved.ok || HoldsMetadata(saved.bytes)) return std::nullopt;
  return std::move(saved.bytes);
}

}  // namespace meldpunt::evidence
