#pragma once
// Dutch postcodes (1234 AB) and the table that maps their four digits (PC4) to a municipality.
// The table is data the operator installs (CBS publishes it yearly); without it, reporters choose
// the municipality from the list and the form does not offer the postcode.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.hpp"

namespace meldpunt {

// "1234 AB", "1234ab", "1234-AB" or "1234" → "1234"; nullopt when it is not a Dutch postcode.
std::optional<std::string> PostcodeDigits(std::string_view text);

class PostcodeTable {
 public:
  // CSV with a header line and the columns pc4,municipality (a CBS code like GM0363).
  static Result<PostcodeTable> FromCsv(std::string_view csv);
  // The municipality code the table gives for a PC4, or nullopt.
  std::optional<std::string> Find(std::string_view pc4) const;
  bool empty() const { return map_.empty(); }
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<std::string, std::string> map_;
};

}  // namespace meldpunt
