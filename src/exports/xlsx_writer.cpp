#include "exports/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

namespace meldpunt::exports {
namespace {

constexpr size_t kMaxSheetNameChars = 31;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the UTF-8 sequence starting at text[i] when it is well formed, else 0.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  if (length == 0) return 0;  // a continuation byte, an overlong lead, or beyond U+10FFFF
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned char second = byte(i + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;   // overlong
  if (lead == 0xED && second >= 0xA0) return 0;  // surrogates
  if (lead == 0xF0 && second < 0x90) return 0;   // overlong
  if (lead == 0xF4 && second >= 0x90) return 0;  // beyond U+10FFFF
  return length;
}

// Valid UTF-8 without control characters other than tab and line breaks, at most `max_chars`
// code points.
std::string CleanText(std::string_view text, size_t max_chars) {
  std::string out;
  out.reserve(text.size());
  size_t chars = 0;
  for (size_t i = 0; i < text.size() && chars < max_chars; ++chars) {
    size_t length = Utf8SequenceLength(text, i);
    unsigned char lead = static_cast<unsigned char>(text[i]);
    bool control = length == 1 && (lead < 0x20 || lead == 0x7F) && lead != '\t' && lead != '\n' &&
                   lead != '\r';
    if (length == 0 || control) {
      out += kReplacement;
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// Removes the temporary file however the function leaves.
struct TemporaryFile {
  std::filesystem::path path;
  TemporaryFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "meldpunt-xlsx-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
    close(fd);
    path = pattern;
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
};

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
}

void WriteSheet(lxw_worksheet* worksheet, const XlsxSheet& sheet, lxw_format* bold) {
  if (sheet.rows.size() > kMaxXlsxRows) throw std::length_error("xlsx: too many rows");
  if (sheet.column_widths.size() > kMaxXlsxColumns)
    throw std::length_error("xlsx: too many columns");
  for (size_t column = 0; column < sheet.column_widths.size(); ++column) {
    auto c = static_cast<lxw_col_t>(column);
    Check(worksheet_set_column(worksheet, c, c, sheet.column_widths[column], nullptr), "width");
  }
  for (size_t row = 0; row < sheet.rows.size(); ++row) {
    const auto& cells = sheet.rows[row];
    if (cells.size() > kMaxXlsxColumns) throw std::length_error("xlsx: too many columns");
    for (size_t column = 0; column < cells.size(); ++column) {
      const XlsxCell& cell = cells[column];
      auto r = static_cast<lxw_row_t>(row);
      auto c = static_cast<lxw_col_t>(column);
      lxw_format* format = cell.bold ? bold : nullptr;
      if (const auto* text = std::get_if<std::string>(&cell.value)) {
        std::string clean = CleanText(*text, kMaxXlsxTextBytes);
        Check(worksheet_write_string(worksheet, r, c, clean.c_str(), format), "text");
      } else if (const auto* number = std::get_if<long long>(&cell.value)) {
        Check(worksheet_write_number(worksheet, r, c, static_cast<double>(*number), format),
              "number");
      } else if (cell.bold) {
        Check(worksheet_write_blank(worksheet, r, c, format), "blank");
      }
    }
  }
}

}  // namespace

std::string CleanSheetName(std::string_view name) {
  std::string cleaned;
  for (char c : name) {
    bool forbidden =
        c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
    cleaned += forbidden ? '-' : c;
  }
  cleaned = CleanText(cleaned, kMaxSheetNameChars + 2);
  while (!cleaned.empty() && cleaned.front() == '\'') cleaned.erase(cleaned.begin());
  cleaned = CleanText(cleaned, kMaxSheetNameChars);
  while (!cleaned.empty() && cleaned.back() == '\'') cleaned.pop_back();
  // Control characters became U+FFFD above; Excel refuses none of what is left.
  return cleaned.empty() ? std::string("Sheet") : cleaned;
}

std::string WriteXlsx(const std::vector<XlsxSheet>& sheets) {
  if (sheets.size() > kMaxXlsxSheets) throw std::length_error("xlsx: too many sheets");
  TemporaryFile file;
  lxw_workbook* workbook = workbook_new(file.path.c_str());
  if (!workbook) throw std::runtime_error("xlsx: cannot start a workbook");
  try {
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    std::set<std::string> used;  // lower case, as Excel compares names
    for (const auto& sheet : sheets) {
      std::string base = CleanSheetName(sheet.name);
      std::string name = base;
      for (int n = 2; used.contains(Lower(name)); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        name = CleanText(base, kMaxSheetNameChars - suffix.size()) + suffix;
      }
      used.insert(Lower(name));
      lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
      if (!worksheet) throw std::runtime_error("xlsx: cannot add sheet");
      WriteSheet(worksheet, sheet, bold);
    }
    if (sheets.empty()) {
      // A workbook needs a sheet to open.
      if (!workbook_add_worksheet(workbook, nullptr))
        throw std::runtime_error("xlsx: cannot add sheet");
    }
  } catch (...) {
    workbook_close(workbook);  // frees it; the temporary file goes with `file`
    throw;
  }
  Check(workbook_close(workbook), "close");
  std::ifstream in(file.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw std::runtime_error("xlsx: cannot read the workbook back");
  return bytes;
}

}  // namespace meldpunt::exports
