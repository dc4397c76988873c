#include "domain/reports/postcode.hpp"

#include <cctype>

#include "domain/municipality.hpp"

namespace meldpunt {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::optional<std::string> PostcodeDigits(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() < 4) return std::nullopt;
  for (size_t i = 0; i < 4; ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  if (text[0] == '0') return std::nullopt;  // Dutch postcodes run from 1000 to 9999
  std::string_view rest = text.substr(4);
  if (!rest.empty() && (rest.front() == ' ' || rest.front() == '-')) rest.remove_prefix(1);
  if (!rest.empty() && !(rest.size() == 2 && IsLetter(rest[0]) && IsLetter(rest[1]))) {
    return std::nullopt;
  }
  return std::string(text.substr(0, 4));
}

Result<PostcodeTable> PostcodeTable::FromCsv(std::string_view csv) {
  PostcodeTable table;
  size_t line_number = 0;
  for (size_t pos = 0; pos < csv.size();) {
    size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number++ == 0 || line.empty()) continue;  // header
    auto fields = SplitCsvLine(line);
    if (fields.size() < 2) {
      return Error{"postcode table line " + std::to_string(line_number) + ": expected pc4,code"};
    }
    auto pc4 = PostcodeDigits(fields[0]);
    if (!pc4 || fields[0].size() != 4) {
      return Error{"postcode table line " + std::to_string(line_number) + ": bad postcode"};
    }
    table.map_[*pc4] = fields[1];
  }
  return table;
}

std::optional<std::string> PostcodeTable::Find(std::string_view pc4) const {
  auto it = map_.find(std::string(pc4));
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

}  // namespace meldpunt
