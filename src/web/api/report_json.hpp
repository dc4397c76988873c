#pragma once
// The body of POST /api/v1/reports: one JSON object with the report form's fields under the
// form's names (docs/api.md, data/openapi.json), read into the form's ReportInput so that the
// report passes the very same rules (ValidateReport). Only the JSON shape is checked here: types,
// unknown fields, and limits on sizes and counts.
#include <string>
#include <string_view>
#include <vector>

#include "domain/reports/report.hpp"

namespace meldpunt::web {

// Limits of the JSON body beyond the route's byte limit.
inline constexpr size_t kMaxReportJsonBytes = 128 * 1024;
inline constexpr size_t kMaxReportJsonDepth = 2;       // the object, a list in it, nothing deeper
inline constexpr size_t kMaxReportJsonListItems = 32;  // grounds (19 codes) and wishes (7)

// A field whose JSON type or name is wrong.
struct JsonFieldError {
  std::string field;
  std::string code;     // "not_text", "not_boolean", "not_list", "not_whole_number",
                        // "unknown_field", "too_many"
  const char* message;  // an English message id
};

struct ReportJson {
  bool malformed = false;  // not a JSON object at all (or too deep or too big)
  ReportInput input;
  std::vector<JsonFieldError> errors;
};

ReportJson ParseReportJson(std::string_view body);

// The message id of a JsonFieldError code.
const char* JsonFieldMessage(std::string_view code);

}  // namespace meldpunt::web
