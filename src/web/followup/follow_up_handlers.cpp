#include "web/followup/follow_up_handlers.hpp"

#include <cmath>

#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/follow_up.hpp"
#include "domain/reports/receipt.hpp"
#include "http/cookies.hpp"
#include "http/form.hpp"
#include "http/request_form.hpp"
#include "store/evidence_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/report_store.hpp"
#include "web/common/locale_format.hpp"
#include "web/common/pages.hpp"
#include "web/followup/receipt_lookup.hpp"
#include "web/followup/thread_view.hpp"
#include "web/public/evidence_upload.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kSessionCookie = "mp_followup";
// What a malformed receipt is hashed as, so that it costs as much time as a well-formed one and
// the answer does not tell which it was. Never a receipt: receipts are digits only.
constexpr std::string_view kNotAReceipt = "not-a-receipt-xxxxxx";
// The typed receipt is refused unread beyond this (the field has maxlength 60).
constexpr size_t kMaxReceiptInput = 200;

std::string SessionCookieValue(const AppContext& app, const http::Request& request) {
  return request.Cookie(http::CookieName(kSessionCookie, app.options.secure_cookies));
}

http::CookieOptions SessionCookieOptions(const AppContext& app, long long max_age = -1) {
  return {.http_only = true,
          .secure = app.options.secure_cookies,
          .same_site = "Strict",
          .max_age = max_age};
}

// What the receipt form shows besides the field.
struct ReceiptFormState {
  bool wrong = false;             // no report with this code (or not a code at all)
  bool empty = false;             // nothing typed
  double retry_after = 0;         // > 0: too many attempts, wait this long
  bool expired = false;           // an answer arrived after the session ended
  bool signed_out = false;        // just signed out
  std::string pending_message{};  // an answer not sent yet, kept in the form
};

std::string RetryText(const AppContext& app, Lang lang, double seconds) {
  long long minutes = std::max(1LL, static_cast<long long>(std::ceil(seconds / 60.0)));
  if (minutes == 1) return app.translator.Get(lang, N_("You can try again in 1 minute."));
  std::string text = app.translator.Get(lang, N_("You can try again in {minutes} minutes."));
  size_t at = text.find("{minutes}");
  if (at != std::string::npos) text.replace(at, 9, std::to_string(minutes));
  return text;
}

http::Response ReceiptForm(const AppContext& app, const http::Request& request, int status,
                           const ReceiptFormState& state) {
  Lang lang = LangOf(request);
  http::Response cookies;
  TemplateData data;
  data.set("csrf", CsrfTokenFor(app, request, cookies));
  data.set("wrong", Bool(state.wrong));
  data.set("limited", Bool(state.retry_after > 0));
  if (state.retry_after > 0) data.set("retry_text", RetryText(app, lang, state.retry_after));
  data.set("expired", Bool(state.expired));
  data.set("signed_out", Bool(state.signed_out));
  if (state.empty) {
    data.set("receipt_error", app.translator.Get(lang, N_("Enter your receipt code.")));
  }
  data.set("has_pending", Bool(!state.pending_message.empty()));
  data.set("message", state.pending_message);
  data.set("max_message", std::to_string(kMaxMessageChars));
  http::Response response = WithCookies(
      RenderPage(app, request, status, {"followup_receipt", N_("Follow your report"), data, ""}),
      cookies);
  if (state.retry_after > 0) {
    response.Set("Retry-After",
                 std::to_string(static_cast<long long>(std::ceil(state.retry_after))));
  }
  return response;
}

std::string MessageProblemText(const AppContext& app, Lang lang, Problem problem) {
  if (problem == Problem::kRequired)
    return app.translator.Get(lang, N_("Write your message first."));
  return app.translator.Get(lang, ProblemMessage("message", problem));
}

// The thread page. `message` and `problem` bring back an answer that could not be sent.
http::Response ThreadPage(const AppContext& app, const http::Request& request, int status,
                          long long report_id, const std::string& message = "",
                          std::optional<Problem> problem = std::nullopt, bool limited = false,
                          const EvidenceUpload& upload = {}) {
  auto report = app.reports.GetReport(report_id);
  if (!report) return ErrorPage(app, 404, &request);
  Lang lang = LangOf(request);
  http::Response cookies;
  TemplateData data;
  data.set("csrf", CsrfTokenFor(app, request, cookies));
  data.set("reference", report->reference);
  data.set("reported_on", FormatLongDate(lang, DutchDateOf(report->reported_at)));
  data.set("status_code", std::string(StatusCode(report->status)));
  data.set("status_label", app.translator.Get(lang, StatusLabel(report->status)));
  data.set("status_explanation", app.translator.Get(lang, StatusExplanation(report->status)));
  data.set("thread", RenderThread(app, lang, app.follow_up.ListMessages(report_id),
                                  app.evidence.ListEvidence(report_id), Viewer::kReporter));
  SetEvidenceFormData(data, upload);
  data.set("sent", Bool(request.QueryParam("verzonden") == "1"));
  data.set("rate_limited", Bool(limited));
  data.set("message", message);
  data.set("max_message", std::to_string(kMaxMessageChars));
  if (problem) {
    data.set("message_error", MessageProblemText(app, lang, *problem));
  }
  return WithCookies(
      // The report's bureau frames the page (issue 15): its name, colours and contact.
      RenderPage(app, request, status,
                 {"followup_thread", N_("Your report"), data, "", report->bureau_id}),
      cookies);
}

// Stores the reporter's answer, or shows the thread again with the problem and the text.
http::Response StoreAnswer(const AppContext& app, const http::Request& request, long long report_id,
                           const std::string& typed,
                           const std::vector<http::UploadedFile>& files = {}) {
  EvidenceUpload dropped;
  dropped.had_files = !files.empty();
  MessageValidation message = ValidateMessage(typed);
  if (message.problem) {
    return ThreadPage(app, request, 422, report_id, typed, message.problem, false, dropped);
  }
  // Answers count against the same per-client limit as reports: nothing a visitor sends may grow
  // the database without bound. Over it, the text stays in the form.
  if (!app.report_limits.Allow(request.client_address, static_cast<double>(app.now()))) {
    http::Response limited =
        ThreadPage(app, request, 429, report_id, typed, std::nullopt, true, dropped);
    limited.Set("Retry-After", "60");
    return limited;
  }
  // Files go through the same checks as with the report, counting the files it already has; one
  // refused file sends the page back with the text and nothing is stored.
  EvidenceUpload upload =
      ProcessEvidence(app, LangOf(request), files, app.evidence.CountEvidence(report_id));
  if (!upload.problems.empty()) {
    return ThreadPage(app, request, 422, report_id, typed, std::nullopt, false, upload);
  }
  long long message_id = app.follow_up.AddMessage(report_id, MessageAuthor::kReporter, std::nullopt,
                                                  message.text, app.now());
  if (!upload.files.empty() &&
      !app.evidence.AddEvidence(report_id, message_id, upload.files, app.now())) {
    // Only when files arrived at the same time from elsewhere: the message itself is kept.
    return ThreadPage(app, request, 422, report_id, "", std::nullopt, false, dropped);
  }
  return http::Response::SeeOther(std::string(kFollowUpPath) + "?verzonden=1");
}

}  // namespace

std::optional<long long> CurrentFollowUp(const AppContext& app, const http::Request& request) {
  std::string token = SessionCookieValue(app, request);
  if (token.empty() || token.size() > 100) return std::nullopt;
  long long now = app.now();
  return app.follow_up.UseFollowUpSession(HashToken(token), now,
                                          now - app.options.followup_idle_timeout.count(),
                                          now - app.options.followup_max_age.count());
}

http::Response FollowUpPage(const AppContext& app, const http::Request& request) {
  if (auto report_id = CurrentFollowUp(app, request)) {
    return ThreadPage(app, request, 200, *report_id);
  }
  return ReceiptForm(app, request, 200, {.signed_out = request.QueryParam("afgemeld") == "1"});
}

http::Response FollowUpSignIn(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  std::string typed = req.form.fields.Get("receipt");
  std::string pending = req.form.fields.Get("message");
  // Nothing typed tells nobody anything: ask for the code, without using up an attempt.
  if (Trim(typed).empty()) {
    return ReceiptForm(app, request, 422, {.empty = true, .pending_message = pending});
  }
  // Every attempt counts, before the costly check.
  double now = static_cast<double>(app.now());
  auto admission = app.receipt_attempts.Admit(request.client_address, now);
  if (!admission.allowed) {
    return ReceiptForm(app, request, 429,
                       {.retry_after = admission.retry_after_seconds, .pending_message = pending});
  }
  // A malformed code is hashed and looked up like a well-formed one: the same work, the same
  // answer, so neither the page nor its timing says whether the format was right.
  auto receipt = typed.size() <= kMaxReceiptInput ? NormaliseReceipt(typed) : std::nullopt;
  auto report_id =
      FindReportByReceipt(app.receipts, app.follow_up, receipt ? *receipt : kNotAReceipt);
  if (!receipt || !report_id) {
    app.receipt_attempts.Failed(request.client_address, now);
    return ReceiptForm(app, request, 401, {.wrong = true, .pending_message = pending});
  }

  std::string token = RandomToken(32);
  long long started = app.now();
  app.follow_up.AddFollowUpSession(HashToken(token), *report_id, started,
                                   started - app.options.followup_max_age.count());
  http::Response response = Trim(pending).empty() ? http::Response::SeeOther(kFollowUpPath)
                                                  : StoreAnswer(app, request, *report_id, pending);
  response.Add("Set-Cookie", http::SetCookie(kSessionCookie, token, SessionCookieOptions(app)));
  return response;
}

http::Response FollowUpReply(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  if (!OnlyEvidenceFiles(req.form.files)) return ErrorPage(app, 400, &request);
  const http::FormFields* form = &req.form.fields;
  auto report_id = CurrentFollowUp(app, request);
  // The session ended while the reporter was writing: the answer stays in the receipt form and is
  // sent once the code is typed again.
  if (!report_id) {
    return ReceiptForm(app, request, 401,
                       {.expired = true, .pending_message = form->Get("message")});
  }
  return StoreAnswer(app, request, *report_id, form->Get("message"), req.form.files);
}

http::Response FollowUpSignOut(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  std::string token = SessionCookieValue(app, request);
  if (!token.empty() && token.size() <= 100) app.follow_up.EndFollowUpSession(HashToken(token));
  http::Response response = http::Response::SeeOther(std::string(kFollowUpPath) + "?afgemeld=1");
  response.Add("Set-Cookie", http::SetCookie(kSessionCookie, "", SessionCookieOptions(app, 0)));
  return response;
}

}  // namespace meldpunt::web
