#pragma once
// application/x-www-form-urlencoded bodies and query strings, decoded with Boost.URL.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace meldpunt::http {

struct FormFields {
  std::vector<std::pair<std::string, std::string>> fields;
  // The first value of a field, or empty.
  std::string Get(std::string_view name) const;
  std::vector<std::string> GetAll(std::string_view name) const;
};

// Fails on malformed percent-encoding or more than max_fields fields.
Result<FormFields> ParseFormFields(std::string_view encoded, size_t max_fields);

}  // namespace meldpunt::http
