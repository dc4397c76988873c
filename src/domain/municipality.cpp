#include "domain/municipality.hpp"

#include <algorithm>

namespace meldpunt {

std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

Result<MunicipalityRegistry> MunicipalityRegistry::FromCsv(std::string_view csv) {
  MunicipalityRegistry registry;
  size_t line_no = 0;
  while (!csv.empty()) {
    size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv = end == std::string_view::npos ? std::string_view{} : csv.substr(end + 1);
    if (line_no++ == 0 || line.empty() || line == "\r") continue;  // header
    auto fields = SplitCsvLine(line);
    if (fields.size() != 5 || fields[0].size() != 6 || !fields[0].starts_with("GM")) {
      return Error{"municipality data, line " + std::to_string(line_no) + ": expected 5 fields"};
    }
    Municipality m{fields[0], fields[1], fields[3], fields[4]};
    if (!registry.index_.emplace(m.code, registry.all_.size()).second) {
      return Error{"municipality data: duplicate code " + m.code};
    }
    registry.all_.push_back(std::move(m));
  }
  for (const auto& m : registry.all_) {
    if (!m.merged_into.empty() && !registry.index_.contains(m.merged_into)) {
      return Error{"municipality data: " + m.code + " merged into unknown " + m.merged_into};
    }
    if (m.current()) registry.current_.push_back(m);
  }
  std::sort(registry.current_.begin(), registry.current_.end(),
            [](const Municipality& a, const Municipality& b) { return a.name < b.name; });
  return registry;
}

const Municipality* MunicipalityRegistry::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &all_[it->second];
}

const Municipality* MunicipalityRegistry::Successor(std::string_view code) const {
  const Municipality* m = Find(code);
  // Bounded walk: a malformed cycle in the data cannot hang us.
  for (size_t hops = 0; m && !m->merged_into.empty() && hops < all_.size(); ++hops) {
    m = Find(m->merged_into);
  }
  return m;
}

std::vector<std::string> MunicipalityRegistry::CodesRollingUpInto(std::string_view code) const {
  std::vector<std::string> codes;
  for (const auto& m : all_) {
    const Municipality* today = Successor(m.code);
    if (today && today->code == code) codes.push_back(m.code);
  }
  if (codes.empty()) codes.emplace_back(code);
  return codes;
}

}  // namespace meldpunt
