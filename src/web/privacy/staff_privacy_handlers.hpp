#pragma once
// The reporter's rights, served from the case (/medewerkers/meldingen/{id}/…):
//   access (inzage):        GET …/inzage (a readable page) and GET …/inzage.json (a download);
//                           coordinators and bureau admins; audited report.export
//   correction:             GET and POST …/corrigeren: the description and contact details;
//                           case handlers; audited report.correct with the fields, not the values
//   erasure (vergetelheid): GET …/wissen (what goes, what stays, a confirmation) and POST;
//                           coordinators and bureau admins; audited report.erase. The report
//                           keeps counting: the same routine as retention (Store::AnonymiseReport)
// Who may (and, for access and erasure, a recent password and second factor) is the routes'
// policy (privacy_routes.cpp); the handlers take the case with FindCase.
#include <string>

#include "http/message.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response StaffReportExportPage(const AppContext& app, const StaffRequest& req);
http::Response StaffReportExportJson(const AppContext& app, const StaffRequest& req);
http::Response StaffReportCorrectPage(const AppContext& app, const StaffRequest& req);
http::Response StaffReportCorrect(const AppContext& app, const StaffRequest& req);
http::Response StaffReportErasePage(const AppContext& app, const StaffRequest& req);
http::Response StaffReportErase(const AppContext& app, const StaffRequest& req);

// For the report's own page: notices (corrected, erased, anonymised on …) near the top, and the
// section with the closing time, the retention date and links to the actions the staff member
// may take. HTML rendered from templates/staff_report_privacy.mustache.
struct PrivacySection {
  std::string notices;
  std::string section;
};
PrivacySection RenderPrivacySection(const AppContext& app, const http::Request& request,
                                    const StaffSession& staff, const RegisteredReport& report);

}  // namespace meldpunt::web
