#pragma once
// One report for staff (/medewerkers/meldingen/{id}): the case page (case_page.hpp) and the form
// to write to the reporter. The forms that work on the case are in case_handlers.hpp.
#include <optional>
#include <string_view>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

inline constexpr std::string_view kStaffReportsPrefix = "/medewerkers/meldingen/";

// GET /medewerkers/meldingen/{id}
http::Response StaffReportPage(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/meldingen/{id}/bericht (a message to the reporter)
http::Response StaffReportAction(const AppContext& app, const StaffRequest& request);

// "/medewerkers/meldingen/42/stap" -> {42, "stap"}; "/medewerkers/meldingen/42" -> {42, ""}.
struct StaffReportPath {
  long long id = 0;
  std::string action;
};
std::optional<StaffReportPath> ParseStaffReportPath(std::string_view path);

}  // namespace meldpunt::web
