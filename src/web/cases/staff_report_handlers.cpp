#include "web/cases/staff_report_handlers.hpp"

#include <charconv>

#include "domain/reports/follow_up.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/standard_reply_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_page.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/standard_reply_insert.hpp"
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

http::Response StaffReportPage(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  return CasePage(app, req.http, req.staff, *found.report, 200);
}

http::Response StaffReportAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  const StaffSession& staff = req.staff;

  // An erased report has no reporter to write to any more.
  if (report.anonymised_at) return ErrorPage(app, 400, &request);
  std::string typed = req.form.fields.Get("message");
  // "Insert" a standard reply (issue 14): the form again with the text added, nothing sent.
  if (!req.form.fields.Get(kReplyInsertField).empty()) {
    std::string chosen = req.form.fields.Get(kReplyChoiceField);
    InsertedReply inserted = InsertStandardReply(
        app, report, ReplyUse::kMessage, app.standard_replies.ReporterLanguage(report.id), chosen,
        typed, CaseHandlerName(app, report, staff.user_id));
    Lang lang = LangOf(request);
    if (inserted.problem) {
      CaseFormError error{"standard_reply",
                          app.translator.Get(lang, inserted.problem),
                          false,
                          {{"message", {typed}}, {std::string(kReplyChoiceField), {chosen}}}};
      return CasePage(app, request, staff, report, 422, &error);
    }
    CaseFormError filled{
        "message",
        "",
        false,
        {{"message", {inserted.text}},
         {std::string(kReplyChoiceField), {chosen}},
         {"reply_notice", {MissingPlaceholdersNotice(app, lang, inserted.missing)}}}};
    return CasePage(app, request, staff, report, 200, &filled);
  }
  MessageValidation message = ValidateMessage(typed);
  if (message.problem) {
    Lang lang = LangOf(request);
    CaseFormError error{"message",
                        message.problem == Problem::kRequired
                            ? app.translator.Get(lang, N_("Write your message first."))
                            : app.translator.Get(lang, ProblemMessage("message", *message.problem)),
                        false,
                        {{"message", {typed}}}};
    return CasePage(app, request, staff, report, 422, &error);
  }
  // Evidence uploads: files sent with a message from the bureau would be stored here too.
  app.follow_up.AddMessage(report.id, MessageAuthor::kBureau, staff.user_id, message.text,
                           app.now());
  // A reporter who gave an e-mail address hears that there is news (never what it says).
  QueueReporterNotice(app, report.id);
  app.audit.Audit(AuditEntry::ForCase(staff.user_id, "report.message", report.id, report.bureau_id,
                                      report.reference),
                  app.now());
  return http::Response::SeeOther(std::string(kStaffReportsPrefix) + std::to_string(report.id) +
                                  "?verzonden=1");
}

}  // namespace meldpunt::web
