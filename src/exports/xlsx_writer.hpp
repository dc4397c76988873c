#pragma once
// The one XLSX writer of the project (libxlsxwriter behind it, which no header shows): a workbook
// from sheets of plain rows. Every spreadsheet download (municipal reports, national figures)
// goes through here, so they all clean sheet names, write numbers as numbers and text as text,
// and never write a formula.
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

// Limits: beyond them WriteXlsx throws std::length_error (a programming error: callers build
// sheets from bounded reports).
inline constexpr size_t kMaxXlsxSheets = 255;
inline constexpr size_t kMaxXlsxRows = 1'048'576;    // Excel's own limit per sheet
inline constexpr size_t kMaxXlsxColumns = 16'384;    // Excel's own limit per sheet
inline constexpr size_t kMaxXlsxTextBytes = 32'767;  // longer text is cut (Excel's limit)

// A sheet name Excel accepts: []:*?/\ become "-", a leading or trailing ' is dropped, at most 31
// characters (UTF-8 code points, never cut inside one), "Sheet" when nothing is left.
std::string CleanSheetName(std::string_view name);

// The workbook's bytes (libxlsxwriter writes to a temporary file that is read back and removed).
// Sheet names are cleaned and made unique (" (2)" and so on, ignoring case). Text that is not
// valid UTF-8 gets U+FFFD for each bad byte. Throws std::runtime_error when writing fails.
std::string WriteXlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace meldpunt::exports
