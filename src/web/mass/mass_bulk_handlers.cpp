// Bulk work on the bureau's own reports linked to a mass-report event: one answer to all of them,
// and closing the open ones with one handling and outcome. Other bureaus' reports on the event
// are theirs to answer and close.
#include <map>

#include "domain/cases/case_protocol.hpp"
#include "domain/cases/handling.hpp"
#include "domain/cases/mass_event.hpp"
#include "domain/reports/code_lists.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/code_list_store.hpp"
#include "store/mass_event_store.hpp"
#include "web/cases/refusal_messages.hpp"
#include "web/common/pages.hpp"
#include "web/mass/mass_event_page.hpp"
#include "web/mass/mass_handlers.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

// "handling,codes;outcome", as the closed event records it (domain/cases/case_event.hpp).
std::string ClosedDetail(const std::vector<std::string>& handlings, const std::string& outcome) {
  std::string detail;
  for (const auto& handling : handlings) {
    if (!detail.empty()) detail += ',';
    detail += handling;
  }
  return detail + ";" + outcome;
}

}  // namespace

http::Response StaffMassMessage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  auto post = BeginMassPost(app, req, "bericht");
  if (post.refusal) return std::move(*post.refusal);
  Lang lang = LangOf(request);
  std::string key = form.Get("submission_key");
  if (!IsSubmissionKey(key)) return ErrorPage(app, 400, &request);
  std::string typed = form.Get("message");
  // The same rule as a message to one reporter (staff_report_handlers.cpp).
  MessageValidation message = ValidateMessage(typed);
  MassPageState state;
  state.message = typed;
  if (message.problem) {
    state.message_error = state.problem =
        message.problem == Problem::kRequired
            ? app.translator.Get(lang, N_("Write your message first."))
            : app.translator.Get(lang, ProblemMessage("message", *message.problem));
  } else if (post.event.linked == 0) {
    state.message_error = state.problem =
        app.translator.Get(lang, N_("No reports of your bureau are linked to this event yet."));
  }
  if (!state.problem.empty()) {
    state.problem_field = "message";
    return MassEventPage(app, request, req.staff, post.event, 422, state);
  }
  auto sent = app.mass_events.SendMassMessage(
      {post.event.id, post.bureau_id, req.staff.user_id, message.text, key}, app.now());
  if (!sent.duplicate) {
    app.audit.Audit(req.staff.user_id, "mass.message",
                    "mass event " + std::to_string(post.event.id) + ": " +
                        std::to_string(sent.recipients) + " reports",
                    app.now());
    if (sent.notices > 0 && app.mail_queued) app.mail_queued();
  }
  return http::Response::SeeOther(MassEventPathOf(post.event.id) +
                                  "?verzonden=" + std::to_string(sent.recipients) +
                                  "&mails=" + std::to_string(sent.notices));
}

http::Response StaffMassClose(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  auto post = BeginMassPost(app, req, "afsluiten");
  if (post.refusal) return std::move(*post.refusal);
  Lang lang = LangOf(request);
  auto seen = ParseSeenCases(form.Get("seen"), kMaxMassReportsPerRequest);
  if (!seen) return ErrorPage(app, 400, &request);
  MassPageState state;
  state.handlings = form.GetAll("handling");
  state.outcome = form.Get("outcome");
  std::vector<std::string> active =
      app.code_lists.LoadCodeLists().ActiveCodes(CodeListKind::kHandlings);
  if (Verdict verdict = CheckClose(state.handlings, state.outcome, active); !verdict) {
    state.close_error = state.problem = RefusalText(app, lang, verdict.refusal());
    state.problem_field = "handlings";
    return MassEventPage(app, request, req.staff, post.event, 422, state);
  }
  // Only what the form was made for, and only where nobody changed the case since: the case is
  // still linked here, open, and at the version the form saw. Anything else is skipped.
  std::map<long long, MassLinkedReport> linked;
  for (auto& report : app.mass_events.ListMassEventReports(post.event.id, post.bureau_id))
    linked.emplace(report.id, std::move(report));
  std::string detail = ClosedDetail(state.handlings, state.outcome);
  std::vector<CaseChange> changes;
  long long skipped = 0;
  for (const auto& case_seen : *seen) {
    auto it = linked.find(case_seen.id);
    if (it == linked.end() || it->second.case_version != case_seen.version ||
        !CheckCloseFrom(it->second.step)) {
      ++skipped;
      continue;
    }
    CaseChange change;
    change.report_id = case_seen.id;
    change.staff_user_id = req.staff.user_id;
    change.expected_version = case_seen.version;
    change.kind = CaseEventKind::kClosed;
    change.detail = detail;
    change.step = CaseStep::kClosed;
    change.close = std::make_pair(state.handlings, state.outcome);
    changes.push_back(std::move(change));
  }
  long long closed = 0;
  if (!changes.empty()) {
    for (bool applied : app.cases.ApplyCaseChanges(changes, app.now())) {
      if (applied) {
        ++closed;
      } else {
        ++skipped;
      }
    }
  }
  app.audit.Audit(req.staff.user_id, "mass.close",
                  "mass event " + std::to_string(post.event.id) + ": " + std::to_string(closed) +
                      " closed, " + std::to_string(skipped) + " skipped (" + detail + ")",
                  app.now());
  return http::Response::SeeOther(MassEventPathOf(post.event.id) +
                                  "?gesloten=" + std::to_string(closed) +
                                  "&overgeslagen=" + std::to_string(skipped));
}

}  // namespace meldpunt::web
