#pragma once
// Previews of evidence files for the case page (issue 14): a small picture of an image, and the
// first words and a picture of the first page of a PDF. Both are made in memory when asked for and
// never written anywhere: a preview shows the same personal data as the file.
#include <chrono>
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

// A PDF's first page as a picture: rendered at most kThumbnailSize pixels on its longest side
// (whatever size the page claims), given up after this long (the page then shows the text only).
inline constexpr std::chrono::milliseconds kMaxPdfRenderTime{3000};

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

// The first page of a PDF as a WebP of at most kThumbnailSize pixels on its longest side, on
// white. Nothing when the file is over kMaxPdfPreviewBytes, does not open (broken,
// password-protected), has no pages, or takes longer than `deadline` (the render goes on in the
// background, in its preview slot, so at most kConcurrentPreviews run at once).
std::optional<Thumbnail> MakePdfThumbnail(std::string_view bytes,
                                          std::chrono::milliseconds deadline = kMaxPdfRenderTime);

// Whether a PDF opens, and its text as PdfPreviewText gives it.
enum class PdfProblem { kNone, kBroken, kLocked };
struct PdfPreview {
  PdfProblem problem = PdfProblem::kNone;  // kLocked: password-protected
  std::optional<std::string> text;         // nothing for a scan without text
};
PdfPreview ReadPdfPreview(std::string_view bytes);

// The text of the first kMaxPdfPreviewPages pages of a PDF, runs of white space made one space,
// cut at a word to at most kMaxPdfPreviewChars characters with "…" when there was more. Nothing
// when the file is over kMaxPdfPreviewBytes, does not open (broken, password-protected), or has no
// text (a scan).
std::optional<std::string> PdfPreviewText(std::string_view bytes);

// Runs of white space (also control characters) made one space, trimmed, and cut at a word to
// at most max_chars code points, with "…" when something was cut. Invalid UTF-8 is dropped.
std::string PreviewExcerpt(std::string_view text, size_t max_chars);

}  // namespace meldpunt::evidence
