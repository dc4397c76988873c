#pragma once
// For tests: reads a workbook written by WriteXlsx back (sheet names, cells, bold), from the XML
// inside the ZIP, as a spreadsheet program would see it.
#include <map>
#include <string>
#include <vector>

namespace meldpunt::exports::testing {

struct ReadCell {
  bool number = false;
  std::string text;  // the text, or the number as written ("42")
  bool bold = false;
};

// Sheet names in workbook order.
std::vector<std::string> XlsxSheetNames(const std::string& xlsx);
// The cells of the sheet at `index` (0-based), by row then column (both 0-based); empty cells
// without a format are absent.
std::map<int, std::map<int, ReadCell>> XlsxSheetCells(const std::string& xlsx, size_t index);
// The column widths set on a sheet, by 0-based column.
std::map<int, double> XlsxColumnWidths(const std::string& xlsx, size_t index);

}  // namespace meldpunt::exports::testing
