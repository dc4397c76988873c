#include "web/cases/case_request.hpp"

#include <charconv>

#include "base/text.hpp"
#include "domain/reports/follow_up.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/report_store.hpp"
#include "web/cases/case_page.hpp"
#include "web/cases/case_view.hpp"
#include "web/cases/refusal_messages.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

// Case texts are checked with the rule for messages (ValidateMessage), so the limits agree.
static_assert(kMaxCaseTextChars == kMaxMessageChars);

std::optional<long long> ParseVersion(std::string_view text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text.size() > 18 || ec != std::errc{} || end != text.data() + text.size() ||
      value < 0) {
    return std::nullopt;
  }
  return value;
}

// What was typed in the form, without the token and the version.
CaseFormError ErrorFor(const CaseRequest& req, const std::string& message, bool conflict) {
  CaseFormError error{req.form_name, message, conflict, {}};
  for (const auto& [name, value] : req.form.fields) {
    if (name == "csrf" || name == "case_version") continue;
    error.typed[name].push_back(value);
  }
  return error;
}

http::Response Conflict(const AppContext& app, const http::Request& request,
                        const CaseRequest& req) {
  CaseFormError error = ErrorFor(
      req,
      Tr(app, req,
         N_("A colleague changed this case meanwhile, so nothing was saved. Look at the case "
            "again: what you typed is still in the form.")),
      true);
  return CasePage(app, request, req.staff, req.report, 409, &error);
}

}  // namespace

std::string Tr(const AppContext& app, const CaseRequest& req, const char* msgid) {
  return app.translator.Get(req.lang, msgid);
}

CaseLookup FindCase(const AppContext& app, const StaffRequest& request) {
  auto path = ParseStaffReportPath(request.http.path);
  if (!path) return {std::nullopt, ErrorPage(app, 404, &request.http)};
  auto report = VisibleReport(app, request.staff, path->id);
  if (!report) return {std::nullopt, ErrorPage(app, 404, &request.http)};
  return {std::move(report), std::nullopt};
}

CaseRequestCheck CheckCaseRequest(const AppContext& app, const StaffRequest& request,
                                  std::string form_name) {
  auto found = FindCase(app, request);
  if (!found.report) return {std::nullopt, std::move(found.refusal)};
  const http::FormFields& form = request.form.fields;
  auto version = ParseVersion(form.Get("case_version"));
  if (!version) return {std::nullopt, ErrorPage(app, 400, &request.http)};
  CaseRequest req{request.staff, std::move(*found.report), form, LangOf(request.http),
                  std::move(form_name)};
  // The form was made for another version: what it would change may no longer make sense.
  if (*version != req.report.case_version) return {std::nullopt, Conflict(app, request.http, req)};
  return {std::move(req), std::nullopt};
}

http::Response RefuseCaseForm(const AppContext& app, const http::Request& request,
                              const CaseRequest& req, const std::string& message, int status) {
  CaseFormError error = ErrorFor(req, message, false);
  return CasePage(app, request, req.staff, req.report, status, &error);
}

http::Response RefuseCaseForm(const AppContext& app, const http::Request& request,
                              const CaseRequest& req, Refusal refusal) {
  return RefuseCaseForm(app, request, req, RefusalText(app, req.lang, refusal));
}

CaseText ReadCaseText(const AppContext& app, const CaseRequest& req, const char* required_msgid) {
  std::string typed = req.form.Get("text");
  // After erasure (the reporter's request or the retention period) no new free text about the
  // case is stored: what happened can still be recorded with its codes.
  if (req.report.anonymised_at && !Trim(typed).empty()) {
    return {"", Tr(app, req,
                   N_("The personal data of this case was erased: leave the text empty and "
                      "record only what happened."))};
  }
  MessageValidation validation = ValidateMessage(typed);
  CaseText result{validation.text, std::nullopt};
  if (!validation.problem) return result;
  switch (*validation.problem) {
    case Problem::kRequired:
      if (required_msgid) result.problem = Tr(app, req, required_msgid);
      break;
    case Problem::kTooLong:
      result.problem = Tr(app, req, N_("This is too long. Please shorten it."));
      break;
    default:
      result.problem = Tr(app, req, N_("This contains characters we cannot store."));
      break;
  }
  return result;
}

http::Response ApplyCaseForm(const AppContext& app, const http::Request& request,
                             const CaseRequest& req, CaseChange change,
                             const std::string& audit_action, const std::string& audit_detail,
                             const std::string& done) {
  std::vector<CaseChange> changes;
  changes.push_back(std::move(change));
  return ApplyCaseFormTogether(app, request, req, std::move(changes), audit_action, audit_detail,
                               done);
}

http::Response ApplyCaseFormTogether(const AppContext& app, const http::Request& request,
                                     const CaseRequest& req, std::vector<CaseChange> changes,
                                     const std::string& audit_action,
                                     const std::string& audit_detail, const std::string& done) {
  for (CaseChange& change : changes) {
    change.report_id = req.report.id;
    change.staff_user_id = req.staff.user_id;
    change.expected_version = req.report.case_version;
  }
  bool applied = changes.size() == 1 ? app.cases.ApplyCaseChange(changes.front(), app.now())
                                     : app.cases.ApplyCaseChangesTogether(changes, app.now());
  if (!applied) {
    // A colleague's change came in between the check and the write.
    auto fresh = app.reports.GetReport(req.report.id);
    if (!fresh) return ErrorPage(app, 404, &request);
    CaseRequest again = req;
    again.report = std::move(*fresh);
    return Conflict(app, request, again);
  }
  app.audit.Audit(
      AuditEntry::ForCase(req.staff.user_id, audit_action, req.report.id, req.report.bureau_id,
                          req.report.reference + ": " + audit_detail),
      app.now());
  return http::Response::SeeOther(std::string(kStaffReportsPrefix) + std::to_string(req.report.id) +
                                  "?gedaan=" + done);
}

}  // namespace meldpunt::web
