#pragma once
// How the personal data of a report is sealed in its columns, for every file of the SOCI store
// that reads or writes them. The associated data names the column, so a ciphertext cannot be
// moved to another column unnoticed; it never changes, or stored data stops opening.
#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "domain/report.hpp"

namespace meldpunt::report_columns {

inline constexpr std::string_view kDescriptionAd = "reports.description";
inline constexpr std::string_view kContactAd = "reports.contact";
inline constexpr std::string_view kMessageAd = "report_messages.body";
inline constexpr std::string_view kRecipientAd = "mail_outbox.recipient";

// The contact details as one JSON value (then sealed into reports.contact_enc).
inline std::string ContactToJson(const Contact& c) {
  return boost::json::serialize(boost::json::object{{"name", c.name},
                                                    {"email", c.email},
                                                    {"phone", c.phone},
                                                    {"preference", c.preference},
                                                    {"time", c.time},
                                                    {"language", c.language}});
}

inline Contact ContactFromJson(const std::string& text) {
  auto value = boost::json::parse(text).as_object();
  auto get = [&](const char* key) {
    auto* field = value.if_contains(key);
    return field && field->is_string() ? std::string(field->as_string()) : std::string();
  };
  return Contact{get("name"),       get("email"), get("phone"),
                 get("preference"), get("time"),  get("language")};
}

}  // namespace meldpunt::report_columns
