#pragma once
// Charts as inline SVG made on the server (grafieken): they need no script, print sharply at any
// size (everything is measured in the viewBox), and carry their own text alternative. Pure string
// building, no I/O, nothing external: no fonts, images, styles or links from elsewhere.
//
// Each chart is an <svg role="img" aria-labelledby="..."> with a <title> (its name) and a <desc>
// (the text alternative); the page shows a table with the same numbers beside it. Every text is
// escaped. A suppressed number (domain/figures/suppression.hpp) is drawn as absent: no bar, only
// its text ("< 5" or "x").
#include <string>
#include <vector>

namespace meldpunt::web {

struct ChartItem {
  std::string label;    // beside the bar or under the column (long labels are shortened)
  long long value = 0;  // used only when shown
  bool shown = true;    // false: suppressed, drawn as absent
  std::string text;     // the number as shown: "12", "< 5", "x"
};

struct Chart {
  std::string id;           // unique in the page; the ids of title and desc are made from it
  std::string title;        // the accessible name
  std::string description;  // the text alternative
  std::vector<ChartItem> items;
};

// Sizes in viewBox units (the SVG scales to its container's width).
inline constexpr int kChartWidth = 640;
inline constexpr int kBarAreaStart = 250;  // bars start here; labels end just before
inline constexpr int kBarAreaWidth = 330;  // the longest bar
// About 7.8 units a character at font size 13: 30 characters fit the 244 units before the bars
// (34 were cut off at the left edge, e.g. "waarvan racisme tegen zwarte mensen").
inline constexpr size_t kMaxChartLabelChars = 30;
inline constexpr size_t kMaxChartItems = 400;  // more items are left out of the drawing

// One horizontal bar per item, top to bottom.
std::string BarChartSvg(const Chart& chart);
// One column per item, left to right (a time series); labels under every k-th column so that at
// most 12 show, numbers above the columns when there are at most 36.
std::string ColumnChartSvg(const Chart& chart);

// A label cut to at most `max_chars` characters (UTF-8), with "…" when cut.
std::string ShortenLabel(const std::string& label, size_t max_chars);

}  // namespace meldpunt::web
