#pragma once
// How the personal data of a report is sealed in its columns, for every file of the SOCI store
// that reads or writes them. The associated data names the column, so a ciphertext cannot be
// moved to another column unnoticed; it never changes, or stored data stops opening.
#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/reports/report.hpp"

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

// A list of codes in one text column ("a,b"; "" for none), in the order given: the wishes, and
// (through SortedCodes) the grounds and handlings. No code contains a comma: the code lists allow
// letters, digits, '.' and '_', and municipal codes are letters and digits.
inline std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += ',';
    out += code;
  }
  return out;
}

// A report's grounds or handlings as kept on its row (reports.ground_codes and
// reports.handling_codes, migration 22) beside the tables report_grounds and report_handlings:
// sorted byte-wise, without repeats. Every writer of those tables sets the column in the same
// transaction; the figures read only the column.
inline std::string SortedCodes(std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return JoinCodes(codes);
}

// The codes of such a column, appended to `into`.
inline void SplitCodes(std::string_view text, std::vector<std::string>& into) {
  for (size_t pos = 0; pos < text.size();) {
    size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) comma = text.size();
    if (comma > pos) into.emplace_back(text.substr(pos, comma - pos));
    pos = comma + 1;
  }
}

}  // namespace meldpunt::report_columns
