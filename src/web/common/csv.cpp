#include "web/common/csv.hpp"

namespace meldpunt::web {

namespace {

// "-1", "24": a whole number, which a spreadsheet reads as that number and nothing else.
bool PlainInteger(std::string_view value) {
  if (value.starts_with('-')) value.remove_prefix(1);
  return !value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string CsvCell(std::string_view value) {
  std::string out = "\"";
  if (!value.empty() &&
      std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
      !PlainInteger(value))
    out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvCell(cells[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace meldpunt::web
