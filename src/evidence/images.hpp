#pragma once
// Photos and screenshots are decoded and encoded again with libvips, so that what is kept holds the
// picture and nothing else: no EXIF (camera, time, GPS position), XMP, IPTC or other metadata.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/reports/evidence.hpp"

namespace meldpunt::evidence {

// Starts libvips once for the process (later calls do nothing): one thread per operation, no
// operation cache, and loaders of untrusted formats blocked. Throws when libvips cannot start.
void InitImages();
// Whether this libvips can decode the type (HEIC needs libheif).
bool CanDecode(EvidenceType type);

struct CleanImage {
  std::string bytes;
  std::string media_type;  // JPEG stays JPEG, PNG PNG, WebP WebP; GIF becomes PNG, HEIC JPEG
};

// Decodes an image of the given type (as sniffed), turns it upright by its EXIF orientation,
// converts it to sRGB, and encodes it without metadata. Only the first frame of an animation is
// kept. Refuses what does not decode and pictures over kMaxImagePixels.
std::variant<CleanImage, EvidenceRefusal> ReencodeImage(std::string_view bytes, EvidenceType type);

// A bureau's logo (issue 15): a JPEG, PNG or WebP (as sniffed; nothing else is decoded) made into
// a PNG without metadata that fits max_width x max_height, never enlarged. nullopt when it does
// not decode or is over kMaxImagePixels.
std::optional<std::string> ReencodeLogo(std::string_view bytes, EvidenceType type, int max_width,
                                        int max_height);

// Takes the EXIF, XMP and ICC chunks out of a WebP file, which libvips 8.14 writes whatever it is
// told. False when the file cannot be read as WebP.
bool StripWebpMetadata(std::string& bytes);

}  // namespace meldpunt::evidence
