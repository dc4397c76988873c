#include "exports/xlsx_test_reader.hpp"

#include <regex>
#include <stdexcept>

#include "exports/zip_test_reader.hpp"

namespace meldpunt::exports::testing {
namespace {

std::string Entry(const std::string& xlsx, const std::string& name) {
  auto data = ZipEntryData(xlsx, name);
  if (!data) throw std::runtime_error("the workbook has no " + name);
  return *data;
}

std::string Unescape(std::string text) {
  static const std::pair<std::string, std::string> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : kEntities) {
    for (size_t at = text.find(entity); at != std::string::npos;
         at = text.find(entity, at + plain.size()))
      text.replace(at, entity.size(), plain);
  }
  return text;
}

std::vector<std::string> SharedStrings(const std::string& xlsx) {
  std::vector<std::string> strings;
  auto xml = ZipEntryData(xlsx, "xl/sharedStrings.xml");
  if (!xml) return strings;
  static const std::regex kItem("<si>(.*?)</si>");
  static const std::regex kText("<t(?: [^>]*)?>([^<]*)</t>");
  for (std::sregex_iterator it(xml->begin(), xml->end(), kItem), end; it != end; ++it) {
    std::string item = (*it)[1];
    std::string text;
    for (std::sregex_iterator t(item.begin(), item.end(), kText); t != end; ++t) text += (*t)[1];
    strings.push_back(Unescape(text));
  }
  return strings;
}

// (row, column) of "B12".
std::pair<int, int> CellPosition(const std::string& ref) {
  int column = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
    column = column * 26 + (ref[i] - 'A' + 1);
  return {std::stoi(ref.substr(i)) - 1, column - 1};
}

// Style indexes whose font is bold, from xl/styles.xml's cellXfs and fonts.
std::vector<bool> BoldStyles(const std::string& xlsx) {
  std::string styles = Entry(xlsx, "xl/styles.xml");
  static const std::regex kFont("<font>(.*?)</font>|<font/>");
  std::vector<bool> bold_font;
  std::string fonts =
      styles.substr(styles.find("<fonts"), styles.find("</fonts>") - styles.find("<fonts"));
  for (std::sregex_iterator it(fonts.begin(), fonts.end(), kFont), end; it != end; ++it)
    bold_font.push_back(it->str().find("<b/>") != std::string::npos);
  size_t xfs_start = styles.find("<cellXfs");
  std::string xfs = styles.substr(xfs_start, styles.find("</cellXfs>") - xfs_start);
  static const std::regex kXf("<xf [^>]*fontId=\"(\\d+)\"");
  std::vector<bool> bold;
  for (std::sregex_iterator it(xfs.begin(), xfs.end(), kXf), end; it != end; ++it) {
    size_t font = std::stoul((*it)[1]);
    bold.push_back(font < bold_font.size() && bold_font[font]);
  }
  return bold;
}

std::string SheetXml(const std::string& xlsx, size_t index) {
  return Entry(xlsx, "xl/worksheets/sheet" + std::to_string(index + 1) + ".xml");
}

}  // namespace

std::vector<std::string> XlsxSheetNames(const std::string& xlsx) {
  std::string workbook = Entry(xlsx, "xl/workbook.xml");
  static const std::regex kSheet("<sheet name=\"([^\"]*)\"");
  std::vector<std::string> names;
  for (std::sregex_iterator it(workbook.begin(), workbook.end(), kSheet), end; it != end; ++it)
    names.push_back(Unescape((*it)[1]));
  return names;
}

std::map<int, std::map<int, ReadCell>> XlsxSheetCells(const std::string& xlsx, size_t index) {
  std::string sheet = SheetXml(xlsx, index);
  auto strings = SharedStrings(xlsx);
  auto bold = BoldStyles(xlsx);
  static const std::regex kCell("<c r=\"([A-Z]+\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)");
  static const std::regex kValue("<v>([^<]*)</v>");
  static const std::regex kStyle("s=\"(\\d+)\"");
  std::map<int, std::map<int, ReadCell>> cells;
  for (std::sregex_iterator it(sheet.begin(), sheet.end(), kCell), end; it != end; ++it) {
    auto [row, column] = CellPosition((*it)[1]);
    std::string attrs = (*it)[2];
    std::string inner = (*it)[3];
    ReadCell cell;
    std::smatch style;
    if (std::regex_search(attrs, style, kStyle)) {
      size_t s = std::stoul(style[1]);
      cell.bold = s < bold.size() && bold[s];
    }
    std::smatch value;
    if (std::regex_search(inner, value, kValue)) {
      if (attrs.find("t=\"s\"") != std::string::npos) {
        cell.text = strings.at(std::stoul(value[1]));
      } else {
        cell.number = true;
        cell.text = value[1];
      }
    }
    cells[row][column] = cell;
  }
  return cells;
}

std::map<int, double> XlsxColumnWidths(const std::string& xlsx, size_t index) {
  std::string sheet = SheetXml(xlsx, index);
  static const std::regex kCol("<col min=\"(\\d+)\" max=\"(\\d+)\" width=\"([0-9.]+)\"");
  std::map<int, double> widths;
  for (std::sregex_iterator it(sheet.begin(), sheet.end(), kCol), end; it != end; ++it)
    for (int c = std::stoi((*it)[1]); c <= std::stoi((*it)[2]); ++c)
      widths[c - 1] = std::stod((*it)[3]);
  return widths;
}

}  // namespace meldpunt::exports::testing
