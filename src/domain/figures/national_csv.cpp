#include "domain/figures/national_report.hpp"

// The national file as CSV: writing it and the strict parser for a file of another installation
// (docs/national-file.md). Apart from the roll-up in national_report.cpp, so that the parser can
// be built and fuzzed on its own (fuzz/).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

namespace meldpunt {
namespace {
std::string Quoted(std::string_view cell) {
  std::string value(cell);
  // A spreadsheet must never run a cell as a formula (CSV injection).
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos)
    value.insert(0, "'");
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool ValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t extra = c < 0x80                 ? 0
                   : c >= 0xC2 && c <= 0xDF ? 1
                   : c >= 0xE0 && c <= 0xEF ? 2
                   : c >= 0xF0 && c <= 0xF4 ? 3
                                            : 9;
    if (extra == 9 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 2) return false;
    }
    i += extra + 1;
  }
  return true;
}

// One CSV line into cells (RFC 4180 quoting); nullopt when the quoting is broken.
std::optional<std::vector<std::string>> SplitQuotedCells(std::string_view line) {
  std::vector<std::string> cells;
  std::string cell;
  size_t i = 0;
  for (;;) {
    cell.clear();
    if (i < line.size() && line[i] == '"') {
      ++i;
      for (;;) {
        if (i >= line.size()) return std::nullopt;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += line[i++];
      }
      if (i < line.size() && line[i] != ',') return std::nullopt;
    } else {
      while (i < line.size() && line[i] != ',') {
        if (line[i] == '"') return std::nullopt;
        cell += line[i++];
      }
    }
    cells.push_back(cell);
    if (i >= line.size()) return cells;
    ++i;  // the comma
  }
}

// A bureau id or a row code. It starts with a letter or a digit: ours always do, and a cell
// starting with '-' would be written back with the "'" of Quoted, which no import accepts (found by
// fuzz/national_csv_fuzz.cpp).
bool PlainCode(std::string_view code, size_t max, bool lower_only) {
  if (code.empty() || code.size() > max || !std::isalnum(static_cast<unsigned char>(code[0])))
    return false;
  return std::all_of(code.begin(), code.end(), [&](unsigned char c) {
    if (lower_only) return std::islower(c) || std::isdigit(c) || c == '-';
    return std::isalnum(c) || c == '_' || c == '.' || c == '-';
  });
}

std::optional<long long> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<NationalCount> ParseCount(std::string_view text, bool roll_up) {
  if (text == "< " + std::to_string(kDefaultSuppressionThreshold))
    return NationalCount{CountShown::kBelowThreshold, 0};
  if (text == "x") return NationalCount{CountShown::kHidden, 0};
  if (text.starts_with(">= ")) {
    auto value = ParseNumber(text.substr(3));
    if (!roll_up || !value) return std::nullopt;
    return NationalCount{CountShown::kAtLeast, *value};
  }
  auto value = ParseNumber(text);
  if (!value) return std::nullopt;
  return NationalCount{CountShown::kExact, *value};
}

bool PlainName(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  return std::none_of(name.begin(), name.end(),
                      [](unsigned char c) { return c < 0x20 || c == 0x7F; });
}

}  // namespace

std::string CountText(const NationalCount& count, long long threshold) {
  switch (count.shown) {
    case CountShown::kExact:
      return std::to_string(count.value);
    case CountShown::kBelowThreshold:
      return "< " + std::to_string(threshold);
    case CountShown::kHidden:
      return "x";
    case CountShown::kAtLeast:
      return ">= " + std::to_string(count.value);
  }
  return "x";
}

std::vector<std::vector<std::string>> NationalFileRows(const NationalFile& file) {
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const BureauFigures& bureau) {
    for (const auto& row : bureau.rows) {
      rows.push_back({std::string(kNationalFormatVersion), bureau.id, bureau.name,
                      std::to_string(file.year), row.table, row.code, CountText(row.count)});
    }
  };
  for (const auto& bureau : file.bureaus) add(bureau);
  add(file.national);
  return rows;
}

std::string NationalCsv(const NationalFile& file) {
  std::string out(kNationalHeader);
  out += "\r\n";
  for (const auto& row : NationalFileRows(file)) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += Quoted(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::variant<ParsedNationalFile, NationalFileError> ParseNationalCsv(std::string_view text) {
  using P = NationalFileProblem;
  auto fail = [](P problem, size_t line) { return NationalFileError{problem, line}; };
  if (text.size() > kMaxNationalFileBytes) return fail(P::kTooLarge, 0);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.find_first_not_of(" \r\n\t") == std::string_view::npos) return fail(P::kEmpty, 0);
  if (!ValidUtf8(text)) return fail(P::kNotUtf8, 0);
  ParsedNationalFile parsed;
  std::map<std::string, size_t> bureau_index;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::set<std::string> with_total;
  size_t line_number = 0, rows = 0;
  bool has_year = false;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line_number == 1) {
      if (line != kNationalHeader) return fail(P::kBadHeader, 1);
      continue;
    }
    if (line.empty()) {
      if (pos >= text.size()) break;  // the file's final line break
      return fail(P::kBadRow, line_number);
    }
    if (++rows > kMaxNationalFileRows) return fail(P::kTooManyRows, line_number);
    auto cells = SplitQuotedCells(line);
    if (!cells || cells->size() != 7) return fail(P::kBadRow, line_number);
    const auto& c = *cells;
    int format = c[0] == kNationalFormatVersion ? 2 : c[0] == kNationalFormatVersion1 ? 1 : 0;
    if (format == 0 || (rows > 1 && format != parsed.format))
      return fail(P::kWrongVersion, line_number);
    parsed.format = format;
    if (!PlainCode(c[1], 64, true) || !PlainName(c[2])) return fail(P::kBadBureau, line_number);
    auto year = ParseNumber(c[3]);
    if (!year || c[3].size() != 4 || *year < 1901) return fail(P::kBadYear, line_number);
    if (has_year && *year != parsed.year) return fail(P::kMixedYears, line_number);
    parsed.year = static_cast<int>(*year);
    has_year = true;
    if (std::find(std::begin(kNationalTables), std::end(kNationalTables), c[4]) ==
        std::end(kNationalTables))
      return fail(P::kUnknownTable, line_number);
    if (!PlainCode(c[5], 64, false)) return fail(P::kBadCode, line_number);
    if (c[4] == "total" && c[5] != kRowReports) return fail(P::kBadCode, line_number);
    bool roll_up = c[1] == kNationalRollUpId;
    auto count = ParseCount(c[6], roll_up);
    if (!count) return fail(P::kBadCount, line_number);
    if (!seen.insert(std::make_tuple(c[1], c[4], c[5])).second)
      return fail(P::kDuplicateRow, line_number);
    if (c[4] == "total") with_total.insert(c[1]);
    if (roll_up) {
      parsed.roll_up.id = c[1];
      parsed.roll_up.name = c[2];
      if (parsed.roll_up.rows.size() >= kMaxNationalRowsPerBureau)
        return fail(P::kTooManyRows, line_number);
      parsed.roll_up.rows.push_back(NationalRow{c[4], c[5], *count});
      continue;
    }
    auto [it, added] = bureau_index.emplace(c[1], parsed.bureaus.size());
    if (added) {
      if (parsed.bureaus.size() >= kMaxNationalFileBureaus)
        return fail(P::kTooManyBureaus, line_number);
      BureauFigures bureau;
      bureau.id = c[1];
      bureau.name = c[2];
      bureau.imported = true;
      parsed.bureaus.push_back(std::move(bureau));
    }
    auto& bureau = parsed.bureaus[it->second];
    if (bureau.name != c[2]) return fail(P::kBadBureau, line_number);
    if (bureau.rows.size() >= kMaxNationalRowsPerBureau) return fail(P::kTooManyRows, line_number);
    bureau.rows.push_back(NationalRow{c[4], c[5], *count});
  }
  if (line_number == 0) return fail(P::kEmpty, 0);
  if (parsed.bureaus.empty()) return fail(P::kNoBureaus, 0);
  for (const auto& bureau : parsed.bureaus) {
    if (!with_total.contains(bureau.id)) return fail(P::kMissingTotal, 0);
  }
  return parsed;
}

}  // namespace meldpunt
