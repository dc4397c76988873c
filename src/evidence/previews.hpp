#pragma once
// Previews of evidence files for the case page (issue 14): a small picture of an image, and the
// first words of a PDF. Both are made in memory when asked for and never written anywhere: a
// preview shows the same personal data as the file.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt::evidence {

// The longest side of a thumbnail, in pixels.
inline constexpr int kThumbnailSize = 240;
// A PDF's preview: at most this many characters (code points) of its first pages' text.
inline constexpr size_t kMaxPdfPreviewChars = 1000;
// The pages of a PDF read for its preview, and the largest PDF looked at (every evidence file is
// at most 10 MiB as received, so today every PDF qualifies).
inline constexpr int kMaxPdfPreviewPages = 2;
inline constexpr size_t kMaxPdfPreviewBytes = 10 * 1024 * 1024;
// At most this many previews are made at once across the process; the rest wait.
inline constexpr int kConcurrentPreviews = 2;

struct Thumbnail {
  std::string bytes;
  std::string media_type;  // image/webp
};

// Whether a file of this (sniffed, stored) type gets a picture thumbnail.
bool HasThumbnail(std::string_view media_type);
// Whether a file of this type gets a text preview.
bool HasTextPreview(std::string_view media_type);

// A WebP of at most kThumbnailSize pixels on its longest side, without metadata, made from a
// stored (already cleaned) JPEG, PNG or WebP. Nothing when the type has no thumbnail, the picture
// is over kMaxImagePixels, or it does not decode.
std::optional<Thumbnail> MakeThumbnail(std::string_view bytes, std::string_view media_type);

// The text of the first kMaxPdfPreviewPages pages of a PDF, runs of white space made one space,
// cut at a word to at most kMaxPdfPreviewChars characters with "…" when there was more. Nothing
// when the file is over kMaxPdfPreviewBytes, does not open (broken, password-protected), or has no
// text (a scan).
std::optional<std::string> PdfPreviewText(std::string_view bytes);

// Runs of white space (also control characters) made one space, trimmed, and cut at a word to
// at most max_chars code points, with "…" when something was cut. Invalid UTF-8 is dropped.
std::string PreviewExcerpt(std::string_view text, size_t max_chars);

}  // namespace meldpunt::evidence
