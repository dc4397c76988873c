#pragma once
// The public side: home page and the report form (meldformulier).
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/pages.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response HomePage(const AppContext& app, const http::Request& request);
// The empty report form with the given anti-forgery token (served through ReportFormCache).
http::Response RenderReportForm(const AppContext& app, const http::Request& request,
                                const std::string& csrf, const std::string& submission_key);
// A fresh key for one filled-in form (see NewReport::submission_key).
std::string NewSubmissionKey();
// POST /melden (multipart with the evidence files: UploadFormLimits(kMaxFormFields), body limit
// kUploadBodyLimit).
http::Response SubmitReport(const AppContext& app, const FormRequest& request);
http::Response PrivacyPage(const AppContext& app, const http::Request& request);
http::Response ReportReceivedPage(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
