#pragma once
// Colours of a bureau's theme (huisstijlkleuren) and whether text on them is readable: the WCAG 2.1
// contrast ratio (success criterion 1.4.3 asks 4.5:1 for normal text). No I/O.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

// An sRGB colour, 0-255 per channel.
struct Rgb {
  int red = 0;
  int green = 0;
  int blue = 0;
  bool operator==(const Rgb&) const = default;
};

// The least contrast a bureau's text-on-primary pair must have (WCAG 2.1 AA, normal text).
inline constexpr double kMinimumContrast = 4.5;

// "#rrggbb" (either case) as a colour; nullopt for anything else (no names, no "#rgb", no alpha).
std::optional<Rgb> ParseHexColour(std::string_view text);
// The colour as "#rrggbb" in lower case.
std::string HexColour(Rgb colour);
// WCAG 2.1 relative luminance, 0 (black) to 1 (white).
double RelativeLuminance(Rgb colour);
// WCAG 2.1 contrast ratio, 1 (same luminance) to 21 (black on white); symmetric.
double ContrastRatio(Rgb a, Rgb b);

}  // namespace meldpunt
