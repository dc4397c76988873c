#pragma once
// The public side: home page and the report form (meldformulier).
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr size_t kMaxFormFields = 80;

http::Response HomePage(const AppContext& app, const http::Request& request);
// The empty report form with the given anti-forgery token (served through ReportFormCache).
http::Response RenderReportForm(const AppContext& app, const http::Request& request,
                                const std::string& csrf, const std::string& submission_key);
// A fresh key for one filled-in form (see NewReport::submission_key).
std::string NewSubmissionKey();
http::Response SubmitReport(const AppContext& app, const http::Request& request);
http::Response PrivacyPage(const AppContext& app, const http::Request& request);
http::Response ReportReceivedPage(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
