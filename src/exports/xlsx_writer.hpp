#pragma once
// The shared XLSX writer (one implementation for the whole project): sheets of text and number
// cells, written with libxlsxwriter.
#include <string>
#include <variant>
#include <vector>

namespace meldpunt::exports {

struct XlsxCell {
  std::variant<std::monostate, std::string, long long> value;  // empty, text, or a number
  bool bold = false;
};

struct XlsxSheet {
  std::string name;  // at most 31 characters, no []:*?/\ (the writer shortens/cleans)
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> column_widths;  // optional, in characters
};

// The workbook's bytes (libxlsxwriter writes to a temporary file that is read back and removed).
std::string WriteXlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace meldpunt::exports
