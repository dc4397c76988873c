#pragma once
// Dutch municipalities (gemeenten) with their CBS codes, including merged ones and their successor.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"

namespace meldpunt {

struct Municipality {
  std::string code;  // CBS code, e.g. "GM0363"
  std::string name;
  std::string valid_to;     // empty while the municipality exists
  std::string merged_into;  // successor's code once merged (opgeheven gemeente)

  bool current() const { return valid_to.empty(); }
};

// Special values a reporter may choose instead of a municipality.
inline constexpr std::string_view kIncidentNotApplicable = "none";  // online, national media
inline constexpr std::string_view kResidenceUnknown = "unknown";    // abroad or rather not say

class MunicipalityRegistry {
 public:
  // Parses the shipped CSV (code,name,safety_region,valid_to,merged_into; quoted fields allowed).
  static Result<MunicipalityRegistry> FromCsv(std::string_view csv);

  const Municipality* Find(std::string_view code) const;
  // The municipality a code stands for today: itself, or the end of its chain of mergers.
  const Municipality* Successor(std::string_view code) const;
  // Every code whose Successor is `code`: itself and its merged predecessors (for the figures,
  // which count a merged municipality's reports for today's one).
  std::vector<std::string> CodesRollingUpInto(std::string_view code) const;
  // Current municipalities sorted by name, as shown to reporters.
  std::span<const Municipality> Current() const { return current_; }
  // Every municipality in the file's order, merged ones included.
  std::span<const Municipality> All() const { return all_; }
  size_t size() const { return all_.size(); }

 private:
  std::vector<Municipality> all_;
  std::vector<Municipality> current_;
  std::unordered_map<std::string, size_t> index_;
};

// Splits one CSV line into fields, honouring double quotes ("a, b" and "" escapes).
std::vector<std::string> SplitCsvLine(std::string_view line);

}  // namespace meldpunt
