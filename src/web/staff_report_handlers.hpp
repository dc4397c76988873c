#pragma once
// One report for staff (/medewerkers/meldingen/{id}): its fields, the thread with the reporter, a
// form to write to the reporter and one to set the status. Every read goes on the audit log.
#include <optional>
#include <string_view>

#include "http/message.hpp"
#include "web/app.hpp"

namespace meldpunt::web {

inline constexpr std::string_view kStaffReportsPrefix = "/medewerkers/meldingen/";

// GET /medewerkers/meldingen/{id}
http::Response StaffReportPage(const AppContext& app, const http::Request& request);
// POST /medewerkers/meldingen/{id}/bericht (a message to the reporter) and
// POST /medewerkers/meldingen/{id}/status
http::Response StaffReportAction(const AppContext& app, const http::Request& request);

// "/medewerkers/meldingen/42/status" -> {42, "status"}; "/medewerkers/meldingen/42" -> {42, ""}.
struct StaffReportPath {
  long long id = 0;
  std::string action;
};
std::optional<StaffReportPath> ParseStaffReportPath(std::string_view path);

}  // namespace meldpunt::web
