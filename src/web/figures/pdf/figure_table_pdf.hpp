#pragma once
// One figures table on the report's pages: a caption, a header row, the rows with this year, the
// previous year and the change, and a horizontal bar per row for this year (a bar chart drawn as
// vectors, scaled to the table's largest shown number). A number that is not shown gets no bar
// but an outline and a label saying so. Rows are never cut: a row that does not fit starts the
// next page, under the repeated header. Internal to the figures_pdf library.
#include <string>
#include <vector>

#include "web/figures/pdf/report_page.hpp"

namespace meldpunt::figures_pdf {

struct TableHeader {
  std::string caption;
  std::string current;
  std::string previous;
  std::string change;
  std::string chart;
  std::string not_shown;
};

struct TableLine {
  std::string label;
  std::string current;
  std::string previous;
  std::string change;
  long long value = 0;  // this year's number, for the bar
  bool bar = true;      // false: the number is not shown, so neither is its bar
  bool part = false;    // part of the row above (a sub-ground): the label is indented
};

// False when the table would need more pages than allowed.
bool DrawFigureTable(ReportPage& page, const TableHeader& header,
                     const std::vector<TableLine>& rows, const TableLine& total);

}  // namespace meldpunt::figures_pdf
