#include "web/common/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "web/common/html.hpp"

namespace meldpunt::web {
namespace {

constexpr int kQuietZone = 4;
constexpr int kPixelsPerModule = 6;

}  // namespace

std::string QrSvg(std::string_view text, std::string_view label) {
  std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) throw std::runtime_error("the text does not fit in a QR code");
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  // One path: a run of dark modules in a row is one rectangle.
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if (!(code->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
      path.append("M").append(std::to_string(x + kQuietZone));
      path.append(" ").append(std::to_string(y + kQuietZone));
      path.append("h").append(std::to_string(run));
      path.append("v1h-").append(std::to_string(run)).append("z");
      x += run;
    }
  }
  const std::string pixels = std::to_string(size * kPixelsPerModule);
  const std::string units = std::to_string(size);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\"";
  svg.append(" aria-label=\"").append(EscapeHtml(label)).append("\"");
  svg.append(" width=\"").append(pixels).append("\" height=\"").append(pixels).append("\"");
  svg.append(" viewBox=\"0 0 ").append(units).append(" ").append(units).append("\"");
  svg.append(" shape-rendering=\"crispEdges\">");
  svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
  svg.append("<path fill=\"#000\" d=\"").append(path).append("\"/></svg>");
  return svg;
}

}  // namespace meldpunt::web
