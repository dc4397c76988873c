#include "web/figures/pdf/figure_table_pdf.hpp"

#include <algorithm>

namespace meldpunt::figures_pdf {
namespace {

// Columns, from the left margin: the row label, three numbers (right aligned), then the chart.
constexpr double kLabelWidth = 68 * kMm;
constexpr double kNumberWidth = 20 * kMm;
constexpr double kGap = 3 * kMm;
constexpr double kChartX = kLeft + kLabelWidth + 3 * kNumberWidth + kGap;
constexpr double kChartWidth = kLeft + kWidth - kChartX;
constexpr double kPad = 2.5;             // above and below the text of a row
constexpr double kPartIndent = 5 * kMm;  // a sub-ground's label under its ground
constexpr double kBarHeight = 7;
constexpr double kRuleGray = 0.6;

constexpr TextStyle kCell{.size = 9};
constexpr TextStyle kHeaderCell{.size = 9, .bold = true};
constexpr TextStyle kNumber{
    .size = 9, .bold = false, .gray = 0, .align = PANGO_ALIGN_RIGHT, .extra_space = 3};
constexpr TextStyle kHeaderNumber{.size = 9, .bold = true, .align = PANGO_ALIGN_RIGHT};
constexpr TextStyle kNotShown{.size = 7.5, .gray = 0.3};

// Dark blue: 8.6:1 against white, well above the 3:1 that WCAG asks of graphics.
constexpr double kBarRed = 0.12, kBarGreen = 0.30, kBarBlue = 0.50;

struct RowLayouts {
  pdf::Layout label, current, previous, change;
  double height = 0;
};

RowLayouts Measure(const ReportPage& page, const TableLine& line, bool head) {
  RowLayouts row;
  row.label = page.Text(line.label, head ? kHeaderCell : kCell,
                        kLabelWidth - 2 * kMm - (line.part ? kPartIndent : 0));
  const TextStyle& number = head ? kHeaderNumber : kNumber;
  row.current = page.Text(line.current, number, kNumberWidth);
  row.previous = page.Text(line.previous, number, kNumberWidth);
  row.change = page.Text(line.change, number, kNumberWidth);
  double text =
      std::max({ReportPage::Height(row.label.get()), ReportPage::Height(row.current.get()),
                ReportPage::Height(row.previous.get())});
  row.height = std::max(text, kBarHeight) + 2 * kPad;
  return row;
}

void Rule(cairo_t* cr, double y, double width) {
  cairo_set_source_rgb(cr, kRuleGray, kRuleGray, kRuleGray);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, kLeft, y);
  cairo_line_to(cr, kLeft + kWidth, y);
  cairo_stroke(cr);
}

// This year's bar, or where a number is not shown, a dashed outline and the label.
void Bar(ReportPage& page, const TableLine& line, double top, double height, double scale,
         const std::string& not_shown) {
  cairo_t* cr = page.cr();
  double y = top + (height - kBarHeight) / 2;
  if (!line.bar) {
    const double dash[] = {2, 1.5};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 0.6);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    cairo_rectangle(cr, kChartX + 0.3, y + 0.3, 8 * kMm, kBarHeight - 0.6);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    pdf::Layout label = page.Text(not_shown, kNotShown, kChartWidth - 10 * kMm);
    page.Draw(label.get(), kChartX + 10 * kMm, top + (height - ReportPage::Height(label.get())) / 2,
              kNotShown.gray);
    return;
  }
  if (line.value <= 0 || scale <= 0) return;
  cairo_set_source_rgb(cr, kBarRed, kBarGreen, kBarBlue);
  cairo_rectangle(cr, kChartX, y, std::max(0.5, static_cast<double>(line.value) * scale),
                  kBarHeight);
  cairo_fill(cr);
}

// One row at the cursor, as a TR of a TH (the label) and TDs (the numbers and the bar).
void DrawRow(ReportPage& page, const RowLayouts& row, const TableLine& line, bool bar, double scale,
             const std::string& not_shown) {
  double top = page.y();
  double x = kLeft + kLabelWidth;
  Tag tr(page.cr(), "TR");
  {
    Tag th(page.cr(), "TH");
    page.Draw(row.label.get(), kLeft + (line.part ? kPartIndent : 0), top + kPad, 0);
  }
  for (PangoLayout* number : {row.current.get(), row.previous.get(), row.change.get()}) {
    Tag td(page.cr(), "TD");
    page.Draw(number, x, top + kPad, 0);
    x += kNumberWidth;
  }
  if (bar) {
    Tag td(page.cr(), "TD");
    // Beside the row's first line, also when its label takes two.
    Bar(page, line, top + kPad, ReportPage::Height(row.current.get()), scale, not_shown);
  }
}

void DrawHeader(ReportPage& page, const TableHeader& header) {
  TableLine head;
  head.current = header.current;
  head.previous = header.previous;
  head.change = header.change;
  RowLayouts row = Measure(page, head, true);
  double top = page.y();
  {
    Tag tr(page.cr(), "TR");
    double x = kLeft + kLabelWidth;
    for (PangoLayout* number : {row.current.get(), row.previous.get(), row.change.get()}) {
      Tag th(page.cr(), "TH");
      page.Draw(number, x, top + kPad, 0);
      x += kNumberWidth;
    }
    Tag th(page.cr(), "TH");
    pdf::Layout chart = page.Text(header.chart, kHeaderCell, kChartWidth);
    page.Draw(chart.get(), kChartX, top + kPad, 0);
  }
  page.Advance(row.height);
  Rule(page.cr(), page.y(), 0.8);
}

double HeaderHeight(const ReportPage& page, const TableHeader& header) {
  TableLine head;
  head.current = header.current;
  head.previous = header.previous;
  head.change = header.change;
  return Measure(page, head, true).height;
}

}  // namespace

bool DrawFigureTable(ReportPage& page, const TableHeader& header,
                     const std::vector<TableLine>& rows, const TableLine& total) {
  long long largest = 0;
  for (const auto& line : rows)
    if (line.bar) largest = std::max(largest, line.value);
  double scale = largest > 0 ? (kChartWidth - 2 * kMm) / static_cast<double>(largest) : 0;

  pdf::Layout caption = page.Text(header.caption, {.size = 10.5, .bold = true}, kWidth);
  double caption_height = ReportPage::Height(caption.get()) + 3;
  // The caption stays with the header and the first rows (up to three).
  double start = caption_height + HeaderHeight(page, header);
  for (size_t i = 0; i < std::min<size_t>(3, rows.size()); ++i)
    start += Measure(page, rows[i], false).height;
  double space_before = page.at_top() ? 0 : 10;
  if (!page.Fits(space_before + start) && !page.at_top()) {
    if (!page.NewPage()) return false;
    space_before = 0;
  }
  page.Advance(space_before);

  Tag table(page.cr(), "Table");
  {
    Tag tag(page.cr(), "Caption");
    page.Draw(caption.get(), kLeft, page.y(), 0);
  }
  page.Advance(caption_height);
  DrawHeader(page, header);

  auto place = [&](const TableLine& line, bool is_total) {
    RowLayouts row = Measure(page, line, false);
    if (is_total) row.label = page.Text(line.label, kHeaderCell, kLabelWidth - 2 * kMm);
    if (!page.Fits(row.height)) {
      if (!page.NewPage()) return false;
      DrawHeader(page, header);
    }
    if (is_total) Rule(page.cr(), page.y(), 0.8);
    DrawRow(page, row, line, !is_total, scale, header.not_shown);
    page.Advance(row.height);
    if (!is_total) Rule(page.cr(), page.y(), 0.3);
    return true;
  };
  for (const auto& line : rows)
    if (!place(line, false)) return false;
  return place(total, true);
}

}  // namespace meldpunt::figures_pdf
