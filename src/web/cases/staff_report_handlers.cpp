#include "web/cases/staff_report_handlers.hpp"

#include <charconv>

#include "domain/follow_up.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/follow_up_store.hpp"
#include "web/cases/case_page.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_data.hpp"
#include "web/public/reporter_mail.hpp"

namespace meldpunt::web {

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
  return CasePage(app, request, *staff, *report, 200);
}

http::Response StaffReportAction(const AppContext& app, const http::Request& request) {
  auto path = ParseStaffReportPath(request.path);
  if (!path || path->action != "bericht") return ErrorPage(app, 404, &request);
  auto form = http::ParseFormFields(request.body, kMaxFormFields);
  if (!form) return ErrorPage(app, 400, &request);
  if (!CsrfValid(app, request, form->Get("csrf"))) return ErrorPage(app, 403, &request);
  auto access = RequireStaff(app, request, Permission::kHandleCases);
  if (!access.staff) return *access.refusal;
  const auto& staff = access.staff;
  auto report = VisibleReport(app, *staff, path->id);
  if (!report) return ErrorPage(app, 404, &request);

  // An erased report has no reporter to write to any more.
  if (report->anonymised_at) return ErrorPage(app, 400, &request);
  std::string typed = form->Get("message");
  MessageValidation message = ValidateMessage(typed);
  if (message.problem) {
    Lang lang = LangOf(request);
    CaseFormError error{"message",
                        message.problem == Problem::kRequired
                            ? app.translator.Get(lang, N_("Write your message first."))
                            : app.translator.Get(lang, ProblemMessage("message", *message.problem)),
                        false,
                        {{"message", {typed}}}};
    return CasePage(app, request, *staff, *report, 422, &error);
  }
  // Evidence uploads: files sent with a message from the bureau would be stored here too.
  app.follow_up.AddMessage(report->id, MessageAuthor::kBureau, staff->user_id, message.text,
                           app.now());
  // A reporter who gave an e-mail address hears that there is news (never what it says).
  QueueReporterNotice(app, report->id);
  app.audit.Audit(AuditEntry::ForCase(staff->user_id, "report.message", report->id,
                                      report->bureau_id, report->reference),
                  app.now());
  return http::Response::SeeOther(std::string(kStaffReportsPrefix) + std::to_string(report->id) +
                                  "?verzonden=1");
}

}  // namespace meldpunt::web
