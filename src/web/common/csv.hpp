#pragma once
// Writing CSV that spreadsheets open safely (RFC 4180, UTF-8).
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt::web {

// One cell: always quoted, quotes doubled. A cell that starts with = + - @, a tab or a carriage
// return gets a leading ' so a spreadsheet shows it as text and never runs it as a formula
// (CSV injection, OWASP); a whole number such as "-1" is left as it is, so it stays a number.
std::string CsvCell(std::string_view value);
// Cells separated by commas, ending with CRLF.
std::string CsvRow(const std::vector<std::string>& cells);
// Put first in a file, so spreadsheet programs read it as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace meldpunt::web
