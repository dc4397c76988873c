// What the bureau does on a case (case_action.hpp), the reporter's consent, and contact with the
// reporter or the other party: each recorded as an event with who and when.
#include <algorithm>

#include "domain/cases/case_action.hpp"
#include "domain/cases/case_event.hpp"
#include "store/case_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_own_initiative_handlers.hpp"
#include "web/cases/case_request.hpp"

namespace meldpunt::web {
namespace {

// Nothing is recorded on a closed or archived case but notes: reopen it first.
std::optional<Refusal> ClosedRefusal(CaseStep step) {
  if (step == CaseStep::kArchived) return Refusal::kArchived;
  if (step == CaseStep::kClosed) return Refusal::kCaseClosed;
  return std::nullopt;
}

}  // namespace

http::Response CaseActionPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "action");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  auto kind = ParseAction(req.form.Get("action"));
  if (!kind) {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("Choose what the bureau did.")));
  }
  CaseAction action{*kind};
  std::string target = req.form.Get("target");
  if (!target.empty()) {
    action.target = ParseTarget(target);
    if (!action.target) return RefuseCaseForm(app, request, req, Refusal::kTargetRequired);
  }
  const RegisteredReport& report = req.report;
  CaseFacts facts{report.anonymous, report.scope, report.consent_recorded, report.step};
  facts.own_initiative = OwnInitiativeOfCase(app.cases.ListCaseEvents(report.id));
  // The page offers only allowed actions; a form made up by hand is refused the same way.
  if (Verdict verdict = CheckAction(action, facts); !verdict) {
    return RefuseCaseForm(app, request, req, verdict.refusal());
  }
  CaseText text = ReadCaseText(app, req, N_("Write briefly what was done."));
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  CaseChange change;
  change.kind = CaseEventKind::kAction;
  change.code = std::string(ActionCode(*kind));
  change.detail = action.target ? std::string(TargetCode(*action.target)) : "";
  change.text = text.text;
  std::string detail = change.code + (change.detail.empty() ? "" : " " + change.detail);
  return ApplyCaseForm(app, request, req, std::move(change), "case.action", detail, "actie");
}

http::Response CaseConsentPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "consent");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (auto refusal = ClosedRefusal(req.report.step)) {
    return RefuseCaseForm(app, request, req, *refusal);
  }
  std::string consent = req.form.Get("consent");
  if (consent != "given" && consent != "withdrawn") {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("Choose whether consent was given or withdrawn.")));
  }
  bool given = consent == "given";
  CaseText text =
      ReadCaseText(app, req, given ? N_("Write how and when the reporter gave consent.") : nullptr);
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  CaseChange change;
  change.kind = CaseEventKind::kConsent;
  change.code = consent;
  change.text = text.text;
  change.consent = given;
  return ApplyCaseForm(app, request, req, std::move(change), "case.consent", consent,
                       given ? "toestemming" : "toestemming-ingetrokken");
}

http::Response CaseContactPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "contact");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (auto refusal = ClosedRefusal(req.report.step)) {
    return RefuseCaseForm(app, request, req, *refusal);
  }
  std::string what = req.form.Get("contact");
  CaseChange change;
  if (std::find(kContactCodes.begin(), kContactCodes.end(), what) != kContactCodes.end()) {
    change.kind = CaseEventKind::kContact;
    change.code = what;
  } else if (what == "missed_appointment") {
    change.kind = CaseEventKind::kMissedAppointment;
  } else if (what == "reply_received") {
    change.kind = CaseEventKind::kReplyReceived;
  } else {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("Choose what happened.")));
  }
  CaseText text = ReadCaseText(app, req, nullptr);
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  change.text = text.text;
  return ApplyCaseForm(app, request, req, std::move(change), "case.contact", what, "contact");
}

}  // namespace meldpunt::web
