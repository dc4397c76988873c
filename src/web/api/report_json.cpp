#include "web/api/report_json.hpp"

#include <boost/json.hpp>
#include <functional>
#include <map>

#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace json = boost::json;
namespace {

using TextField = std::string ReportInput::*;
using ListField = std::vector<std::string> ReportInput::*;

// The fields that are text in the form and in JSON.
const std::map<std::string_view, TextField>& TextFields() {
  static const std::map<std::string_view, TextField> fields = {
      {"reporter_role", &ReportInput::reporter_role},
      {"description", &ReportInput::description},
      {"nature", &ReportInput::nature},
      {"domain", &ReportInput::domain},
      {"incident_when", &ReportInput::incident_when},
      {"incident_date", &ReportInput::incident_date},
      {"incident_municipality", &ReportInput::incident_municipality},
      {"incident_postcode", &ReportInput::incident_postcode},
      {"scope", &ReportInput::scope},
      {"residence_municipality", &ReportInput::residence_municipality},
      {"residence_postcode", &ReportInput::residence_postcode},
      {"contact_name", &ReportInput::contact_name},
      {"contact_email", &ReportInput::contact_email},
      {"contact_phone", &ReportInput::contact_phone},
      {"contact_preference", &ReportInput::contact_preference},
      {"contact_time", &ReportInput::contact_time},
      {"contact_language", &ReportInput::contact_language},
  };
  return fields;
}

// Whole numbers in JSON, text in the form.
const std::map<std::string_view, TextField>& NumberFields() {
  static const std::map<std::string_view, TextField> fields = {
      {"incident_year", &ReportInput::incident_year},
      {"incident_month", &ReportInput::incident_month},
  };
  return fields;
}

// true/false in JSON, "yes"/"no" in the form.
const std::map<std::string_view, TextField>& BooleanFields() {
  static const std::map<std::string_view, TextField> fields = {
      {"anonymous", &ReportInput::anonymous},
      {"consent", &ReportInput::consent},
  };
  return fields;
}

const std::map<std::string_view, ListField>& ListFields() {
  static const std::map<std::string_view, ListField> fields = {
      {"grounds", &ReportInput::grounds},
      {"wishes", &ReportInput::wishes},
  };
  return fields;
}

void ReadField(std::string_view name, const json::value& value, ReportJson& out) {
  auto fail = [&](const char* code) {
    out.errors.push_back({std::string(name), code, JsonFieldMessage(code)});
  };
  if (auto it = TextFields().find(name); it != TextFields().end()) {
    if (value.is_null()) return;  // as a field left empty
    if (!value.is_string()) return fail("not_text");
    out.input.*(it->second) = std::string(value.get_string());
    return;
  }
  if (auto it = NumberFields().find(name); it != NumberFields().end()) {
    if (value.is_null()) return;
    if (value.is_int64()) {
      out.input.*(it->second) = std::to_string(value.get_int64());
    } else if (value.is_uint64()) {
      out.input.*(it->second) = std::to_string(value.get_uint64());
    } else {
      fail("not_whole_number");
    }
    return;
  }
  if (auto it = BooleanFields().find(name); it != BooleanFields().end()) {
    if (value.is_null()) return;
    if (!value.is_bool()) return fail("not_boolean");
    out.input.*(it->second) = value.get_bool() ? "yes" : "no";
    return;
  }
  if (auto it = ListFields().find(name); it != ListFields().end()) {
    if (value.is_null()) return;
    if (!value.is_array()) return fail("not_list");
    const json::array& items = value.get_array();
    if (items.size() > kMaxReportJsonListItems) return fail("too_many");
    std::vector<std::string> codes;
    for (const auto& item : items) {
      if (!item.is_string()) return fail("not_list");
      codes.emplace_back(item.get_string());
    }
    out.input.*(it->second) = std::move(codes);
    return;
  }
  fail("unknown_field");
}

}  // namespace

const char* JsonFieldMessage(std::string_view code) {
  if (code == "not_text") return N_("This field must be text (a JSON string).");
  if (code == "not_whole_number") return N_("This field must be a whole number.");
  if (code == "not_boolean") return N_("This field must be true or false.");
  if (code == "not_list") return N_("This field must be a list of codes (JSON strings).");
  if (code == "too_many") return N_("This list has more entries than there are codes.");
  return N_("This field is not part of a report.");
}

ReportJson ParseReportJson(std::string_view body) {
  ReportJson out;
  if (body.size() > kMaxReportJsonBytes) {
    out.malformed = true;
    return out;
  }
  json::parse_options options;
  options.max_depth = kMaxReportJsonDepth;
  boost::system::error_code error;
  json::value value = json::parse(body, error, {}, options);
  if (error || !value.is_object()) {
    out.malformed = true;
    return out;
  }
  const json::object& object = value.get_object();
  // One more than the fields there are is enough to say "unknown field" without reading on.
  if (object.size() > TextFields().size() + NumberFields().size() + BooleanFields().size() +
                          ListFields().size() + 8) {
    out.malformed = true;
    return out;
  }
  for (const auto& [name, field] : object) {
    ReadField(std::string_view(name.data(), name.size()), field, out);
  }
  return out;
}

}  // namespace meldpunt::web
