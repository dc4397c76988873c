#include "web/staff_report_handlers.hpp"

#include <charconv>

#include "domain/follow_up.hpp"
#include "http/form.hpp"
#include "web/intake_view.hpp"
#include "web/pages.hpp"
#include "web/public_handlers.hpp"
#include "web/report_form_data.hpp"
#include "web/reporter_mail.hpp"
#include "web/staff_access.hpp"
#include "web/staff_handlers.hpp"
#include "web/staff_privacy_handlers.hpp"
#include "web/thread_view.hpp"

namespace meldpunt::web {
namespace {

std::string ReportPath(long long id) {
  return std::string(kStaffReportsPrefix) + std::to_string(id);
}

bool MayWrite(const StaffSession& staff) { return Allows(staff.role, Permission::kHandleCases); }

// The detail page. `message` and `problem` bring back a message that could not be sent.
http::Response DetailPage(const AppContext& app, const http::Request& request,
                          const StaffSession& staff, const RegisteredReport& report, int status,
                          const std::string& message = "",
                          std::optional<Problem> problem = std::nullopt) {
  Lang lang = LangOf(request);
  auto messages = app.store.ListMessages(report.id);
  // Showing a report is a read of personal data: it goes on the record before it is shown.
  app.store.Audit(staff.user_id, "report.read", report.reference, app.now());
  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  data.set("reported_on", FormatIsoDate(DateOfUnixSeconds(report.reported_at)));
  data.set("incident_date", report.incident_date);
  data.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
  data.set("residence_municipality", MunicipalityLabel(app, lang, report.residence_municipality));
  SetIntakeFacts(app, lang, report, data);  // channel, melding or klacht, who registered it
  data.set("code_list_version", report.code_list_version);
  data.set("anonymous", Bool(report.anonymous));
  if (report.contact) {
    data.set("contact_name", report.contact->name);
    data.set("contact_email", report.contact->email);
    data.set("contact_phone", report.contact->phone);
  }
  data.set("description", report.description);
  data.set("status_label", app.translator.Get(lang, StatusLabel(report.status)));
  data.set("status_code", std::string(StatusCode(report.status)));
  kainjow::mustache::list options;
  for (ReportStatus option : kAllStatuses) {
    TemplateData item;
    item.set("value", std::string(StatusCode(option)));
    item.set("label", app.translator.Get(lang, StatusLabel(option)));
    item.set("selected", Bool(option == report.status));
    options.push_back(item);
  }
  data.set("status_options", options);
  data.set("thread",
           RenderThread(app, lang, messages, app.store.ListEvidence(report.id), Viewer::kStaff));
  data.set("may_write", Bool(MayWrite(staff)));
  // Retention, access, correction and erasure (staff_privacy_handlers.cpp).
  data.set("erased", Bool(report.anonymised_at.has_value()));
  PrivacySection privacy = RenderPrivacySection(app, request, staff, report);
  data.set("privacy_notices", privacy.notices);
  data.set("privacy_section", privacy.section);
  if (Allows(staff.role, Permission::kMoveCases)) {
    kainjow::mustache::list others;
    for (const auto& bureau : app.store.ListBureaus()) {
      if (bureau.id == report.bureau_id) continue;
      TemplateData item;
      item.set("id", std::to_string(bureau.id));
      item.set("name", bureau.name);
      others.push_back(item);
    }
    data.set("may_move", Bool(!others.empty()));
    data.set("other_bureaus", others);
  }
  data.set("message", message);
  data.set("max_message", std::to_string(kMaxMessageChars));
  if (problem) {
    data.set("message_error", problem == Problem::kRequired
                                  ? app.translator.Get(lang, N_("Write your message first."))
                                  : app.translator.Get(lang, ProblemMessage("message", *problem)));
  }
  data.set("sent", Bool(request.QueryParam("verzonden") == "1"));
  data.set("status_changed", Bool(request.QueryParam("status") == "1"));
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_report", N_("Report"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

std::optional<StaffReportPath> ParseStaffReportPath(std::string_view path) {
  if (!path.starts_with(kStaffReportsPrefix)) return std::nullopt;
  std::string_view rest = path.substr(kStaffReportsPrefix.size());
  size_t slash = rest.find('/');
  std::string_view number = rest.substr(0, slash);
  StaffReportPath parsed;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), parsed.id);
  if (number.empty() || number.size() > 18 || ec != std::errc{} ||
      end != number.data() + number.size() || parsed.id <= 0) {
    return std::nullopt;
  }
  if (slash != std::string_view::npos) {
    parsed.action = std::string(rest.substr(slash + 1));
    if (parsed.action.empty()) return std::nullopt;
  }
  return parsed;
}

http::Response StaffReportPage(const AppContext& app, const http::Request& request) {
  auto access = RequireStaff(app, request, Permission::kReadCases);
  if (!access.staff) return *access.refusal;
  const auto& staff = access.staff;
  auto path = ParseStaffReportPath(request.path);
  if (!path || !path->action.empty()) return ErrorPage(app, 404, &request);
  auto report = VisibleReport(app, *staff, path->id);
  if (!report) return ErrorPage(app, 404, &request);
  return DetailPage(app, request, *staff, *report, 200);
}

http::Response StaffReportAction(const AppContext& app, const http::Request& request) {
  auto path = ParseStaffReportPath(request.path);
  if (!path || (path->action != "bericht" && path->action != "status")) {
    return ErrorPage(app, 404, &request);
  }
  auto form = http::ParseFormFields(request.body, kMaxFormFields);
  if (!form) return ErrorPage(app, 400, &request);
  if (!CsrfValid(app, request, form->Get("csrf"))) return ErrorPage(app, 403, &request);
  auto access = RequireStaff(app, request, Permission::kHandleCases);
  if (!access.staff) return *access.refusal;
  const auto& staff = access.staff;
  auto report = VisibleReport(app, *staff, path->id);
  if (!report) return ErrorPage(app, 404, &request);

  if (path->action == "status") {
    auto status = ParseStatus(form->Get("status"));
    if (!status) return ErrorPage(app, 400, &request);
    app.store.SetReportStatus(report->id, *status, app.now());
    app.store.Audit(staff->user_id, "report.status",
                    report->reference + ": " + std::string(StatusCode(*status)), app.now());
    return http::Response::SeeOther(ReportPath(report->id) + "?status=1");
  }

  // An erased report has no reporter to write to any more.
  if (report->anonymised_at) return ErrorPage(app, 400, &request);
  std::string typed = form->Get("message");
  MessageValidation message = ValidateMessage(typed);
  if (message.problem)
    return DetailPage(app, request, *staff, *report, 422, typed, message.problem);
  // Evidence uploads: files sent with a message from the bureau would be stored here too.
  app.store.AddMessage(report->id, MessageAuthor::kBureau, staff->user_id, message.text, app.now());
  // A reporter who gave an e-mail address hears that there is news (never what it says).
  QueueReporterNotice(app, report->id);
  app.store.Audit(staff->user_id, "report.message", report->reference, app.now());
  return http::Response::SeeOther(ReportPath(report->id) + "?verzonden=1");
}

}  // namespace meldpunt::web
