// A minimal implementation of the shared interface (to be replaced by the shared one).
#include "exports/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>

namespace meldpunt::exports {
namespace {

std::string CleanName(const std::string& name, std::set<std::string>& used) {
  std::string clean;
  for (char c : name) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) clean += c;
  }
  if (clean.empty()) clean = "Sheet";
  if (clean.size() > 31) clean.resize(31);
  std::string candidate = clean;
  for (int n = 2; used.contains(candidate); ++n) {
    std::string suffix = " " + std::to_string(n);
    candidate = clean.substr(0, 31 - suffix.size()) + suffix;
  }
  used.insert(candidate);
  return candidate;
}

}  // namespace

std::string WriteXlsx(const std::vector<XlsxSheet>& sheets) {
  char path[] = "/tmp/meldpunt-xlsx-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("xlsx: no temporary file");
  close(fd);
  lxw_workbook* workbook = workbook_new(path);
  if (!workbook) {
    std::remove(path);
    throw std::runtime_error("xlsx: cannot create workbook");
  }
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  std::set<std::string> used;
  for (const auto& sheet : sheets) {
    lxw_worksheet* worksheet =
        workbook_add_worksheet(workbook, CleanName(sheet.name, used).c_str());
    for (size_t c = 0; c < sheet.column_widths.size(); ++c) {
      worksheet_set_column(worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           sheet.column_widths[c], nullptr);
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const XlsxCell& cell = sheet.rows[r][c];
        lxw_format* format = cell.bold ? bold : nullptr;
        auto row = static_cast<lxw_row_t>(r);
        auto col = static_cast<lxw_col_t>(c);
        if (const auto* text = std::get_if<std::string>(&cell.value)) {
          worksheet_write_string(worksheet, row, col, text->c_str(), format);
        } else if (const auto* number = std::get_if<long long>(&cell.value)) {
          worksheet_write_number(worksheet, row, col, static_cast<double>(*number), format);
        }
      }
    }
  }
  lxw_error error = workbook_close(workbook);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  if (error != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write workbook");
  return bytes;
}

}  // namespace meldpunt::exports
