#include "web/common/svg_chart.hpp"

#include <algorithm>
#include <cstdio>
#include <span>

#include "web/common/html.hpp"

namespace meldpunt::web {
namespace {

// Colours with enough contrast on white: bars 8.9:1 (WCAG 1.4.11 asks 3:1), text 17:1 and
// 9.7:1 (1.4.3 asks 4.5:1).
constexpr const char* kBarColour = "#1d4f7a";
constexpr const char* kTextColour = "#1a1a1a";
constexpr const char* kAbsentColour = "#4a4a4a";
constexpr const char* kAxisColour = "#595959";

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string out(text);
  if (out.ends_with(".0")) out.resize(out.size() - 2);
  return out;
}

std::string Open(const Chart& chart, int height) {
  std::string id = EscapeHtml(chart.id);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
         std::to_string(kChartWidth) + " " + std::to_string(height) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
         "-desc\" font-family=\"sans-serif\" font-size=\"13\">"
         "<title id=\"" +
         id + "-title\">" + EscapeHtml(chart.title) + "</title><desc id=\"" + id + "-desc\">" +
         EscapeHtml(chart.description) + "</desc>";
}

long long Largest(const std::vector<ChartItem>& items) {
  long long largest = 0;
  for (const auto& item : items) {
    if (item.shown) largest = std::max(largest, item.value);
  }
  return largest;
}

std::span<const ChartItem> Drawn(const Chart& chart) {
  return {chart.items.data(), std::min(chart.items.size(), kMaxChartItems)};
}

}  // namespace

std::string ShortenLabel(const std::string& label, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(label[i]) & 0xC0) != 0x80;
    if (!starts_char) continue;
    if (chars == max_chars - 1) {
      // Is there more than one character left?
      size_t rest = 0;
      for (size_t j = i; j < label.size(); ++j)
        rest += (static_cast<unsigned char>(label[j]) & 0xC0) != 0x80;
      if (rest > 1) return label.substr(0, i) + "\u2026";
      return label;
    }
    chars++;
  }
  return label;
}

std::string BarChartSvg(const Chart& chart) {
  constexpr int kRow = 22, kBar = 14, kTop = 8;
  auto items = Drawn(chart);
  int height = kTop * 2 + static_cast<int>(items.size()) * kRow;
  long long largest = Largest(chart.items);
  std::string svg = Open(chart, height);
  svg += "<line x1=\"" + std::to_string(kBarAreaStart) + "\" y1=\"" + std::to_string(kTop) +
         "\" x2=\"" + std::to_string(kBarAreaStart) + "\" y2=\"" + std::to_string(height - kTop) +
         "\" stroke=\"" + kAxisColour + "\"/>";
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    int top = kTop + static_cast<int>(i) * kRow;
    std::string baseline = std::to_string(top + kRow / 2 + 4);
    svg += "<text x=\"" + std::to_string(kBarAreaStart - 6) + "\" y=\"" + baseline +
           "\" text-anchor=\"end\" fill=\"" + kTextColour + "\">" +
           EscapeHtml(ShortenLabel(item.label, kMaxChartLabelChars)) + "</text>";
    double length = 0;
    if (item.shown && largest > 0)
      length = static_cast<double>(item.value) * kBarAreaWidth / static_cast<double>(largest);
    if (item.shown) {
      svg += "<rect class=\"bar\" x=\"" + std::to_string(kBarAreaStart) + "\" y=\"" +
             std::to_string(top + (kRow - kBar) / 2) + "\" width=\"" + Number(length) +
             "\" height=\"" + std::to_string(kBar) + "\" fill=\"" + kBarColour + "\"/>";
    }
    svg += std::string("<text class=\"value\" x=\"") + Number(kBarAreaStart + length + 6) +
           "\" y=\"" + baseline + "\" fill=\"" + (item.shown ? kTextColour : kAbsentColour) + "\"" +
           (item.shown ? "" : " font-style=\"italic\"") + ">" + EscapeHtml(item.text) + "</text>";
  }
  return svg + "</svg>";
}

std::string ColumnChartSvg(const Chart& chart) {
  constexpr int kLeft = 48, kRight = 630, kTop = 24, kBottom = 200, kHeight = 262;
  auto items = Drawn(chart);
  long long largest = Largest(chart.items);
  std::string svg = Open(chart, kHeight);
  svg += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(kBottom) + "\" x2=\"" +
         std::to_string(kRight) + "\" y2=\"" + std::to_string(kBottom) + "\" stroke=\"" +
         kAxisColour + "\"/>";
  // The scale: 0 and the largest number at the left.
  svg += "<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" + std::to_string(kBottom + 4) +
         "\" text-anchor=\"end\" fill=\"" + kTextColour + "\">0</text>";
  if (largest > 0) {
    svg += "<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" + std::to_string(kTop + 4) +
           "\" text-anchor=\"end\" fill=\"" + kTextColour + "\">" + std::to_string(largest) +
           "</text><line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(kTop) +
           "\" x2=\"" + std::to_string(kRight) + "\" y2=\"" + std::to_string(kTop) +
           "\" stroke=\"" + kAxisColour + "\" stroke-dasharray=\"2 4\"/>";
  }
  if (items.empty()) return svg + "</svg>";
  double slot = static_cast<double>(kRight - kLeft) / static_cast<double>(items.size());
  size_t every = (items.size() + 11) / 12;  // at most 12 labels under the columns
  bool numbers = items.size() <= 36;
  bool upright = items.size() <= 12;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    double centre = kLeft + slot * (static_cast<double>(i) + 0.5);
    double length = 0;
    if (item.shown && largest > 0)
      length = static_cast<double>(item.value) * (kBottom - kTop) / static_cast<double>(largest);
    if (item.shown) {
      svg += "<rect class=\"bar\" x=\"" + Number(centre - slot * 0.35) + "\" y=\"" +
             Number(kBottom - length) + "\" width=\"" + Number(slot * 0.7) + "\" height=\"" +
             Number(length) + "\" fill=\"" + kBarColour + "\"/>";
    }
    if (numbers) {
      double y = kBottom - length - 5;
      std::string fill = item.shown ? kTextColour : kAbsentColour;
      std::string style = item.shown ? "" : " font-style=\"italic\"";
      if (upright) {
        svg += "<text class=\"value\" x=\"" + Number(centre) + "\" y=\"" + Number(y) +
               "\" text-anchor=\"middle\" fill=\"" + fill + "\"" + style + ">" +
               EscapeHtml(item.text) + "</text>";
      } else {
        svg += "<text class=\"value\" font-size=\"10\" transform=\"translate(" +
               Number(centre + 3) + " " + Number(y) + ") rotate(-90)\" fill=\"" + fill + "\"" +
               style + ">" + EscapeHtml(item.text) + "</text>";
      }
    }
    if (i % every == 0) {
      svg += "<text font-size=\"11\" transform=\"translate(" + Number(centre + 4) + " " +
             std::to_string(kBottom + 14) + ") rotate(-45)\" text-anchor=\"end\" fill=\"" +
             kTextColour + "\">" + EscapeHtml(ShortenLabel(item.label, 12)) + "</text>";
    }
  }
  return svg + "</svg>";
}

}  // namespace meldpunt::web
