#include "domain/bureau/colour_contrast.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace meldpunt {
namespace {

std::optional<int> HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

// One channel from 0-255 to linear light, as WCAG 2.1 defines it (the sRGB transfer function).
double Linear(int channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

std::optional<Rgb> ParseHexColour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  int values[6];
  for (size_t i = 0; i < 6; ++i) {
    auto digit = HexDigit(text[i + 1]);
    if (!digit) return std::nullopt;
    values[i] = *digit;
  }
  return Rgb{values[0] * 16 + values[1], values[2] * 16 + values[3], values[4] * 16 + values[5]};
}

std::string HexColour(Rgb colour) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", colour.red & 0xff, colour.green & 0xff,
                colour.blue & 0xff);
  return out;
}

double RelativeLuminance(Rgb colour) {
  return 0.2126 * Linear(colour.red) + 0.7152 * Linear(colour.green) + 0.0722 * Linear(colour.blue);
}

double ContrastRatio(Rgb a, Rgb b) {
  double la = RelativeLuminance(a);
  double lb = RelativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace meldpunt
