// Moving a case along the protocol (case_protocol.hpp) and closing it (handling.hpp).
#include <algorithm>

#include "domain/cases/handling.hpp"
#include "domain/cases/referral.hpp"
#include "domain/reports/code_lists.hpp"
#include "store/case_store.hpp"
#include "store/code_list_store.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/case_view.hpp"

namespace meldpunt::web {
namespace {

std::string DoneFor(TransitionKind kind) {
  switch (kind) {
    case TransitionKind::kReopen:
      return "heropend";
    case TransitionKind::kArchive:
      return "gearchiveerd";
    default:
      return "stap";
  }
}

}  // namespace

http::Response CaseStepPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "step");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  auto to = ParseStep(req.form.Get("step"));
  if (!to) return RefuseCaseForm(app, request, req, Tr(app, req, N_("Choose the next step.")));
  CaseStep from = req.report.step;
  // One step, or several the protocol allows together (StepPath): each its own event.
  if (Verdict verdict = CheckStepPath(from, *to); !verdict) {
    return RefuseCaseForm(app, request, req, verdict.refusal());
  }
  CaseText text = ReadCaseText(app, req, nullptr);
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  std::vector<Transition> path = StepPath(from, *to);
  std::vector<CaseChange> changes;
  std::string audit_detail(StepCode(from));
  for (const Transition& move : path) {
    CaseChange change;
    change.kind =
        move.kind == TransitionKind::kReopen ? CaseEventKind::kReopened : CaseEventKind::kStep;
    change.code = std::string(StepCode(move.to));
    change.detail = std::string(TransitionKindCode(move.kind));
    change.step = move.to;
    changes.push_back(std::move(change));
    audit_detail += " -> " + std::string(StepCode(move.to));
  }
  // The reason belongs to the step chosen, the last one.
  changes.back().text = text.text;
  std::string done = path.size() > 1 ? "stappen" : DoneFor(path.front().kind);
  return ApplyCaseFormTogether(app, request, req, std::move(changes), "case.step", audit_detail,
                               done);
}

http::Response CaseClosePost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "close");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (Verdict verdict = CheckCloseFrom(req.report.step); !verdict) {
    return RefuseCaseForm(app, request, req, verdict.refusal());
  }
  std::vector<std::string> handlings = req.form.GetAll("handlings");
  // A referral recorded on the case is the handling "referral", ticked or not: the figures count
  // what the case's history says (docs/design.md, "Referrals").
  {
    auto done = ActionsDone(app.cases.ListCaseEvents(req.report.id));
    bool referred = std::find(done.begin(), done.end(), ActionKind::kReferral) != done.end();
    handlings = WithReferralHandling(std::move(handlings), referred);
  }
  // The national handling codes and those an administrator added (and did not retire).
  std::vector<std::string> active =
      app.code_lists.LoadCodeLists().ActiveCodes(CodeListKind::kHandlings);
  // More codes than the list has can only hold one twice.
  if (handlings.size() > active.size()) {
    return RefuseCaseForm(app, request, req, Refusal::kDuplicateHandling);
  }
  std::string outcome = req.form.Get("outcome");
  if (Verdict verdict = CheckClose(handlings, outcome, active); !verdict) {
    return RefuseCaseForm(app, request, req, verdict.refusal());
  }
  CaseText text = ReadCaseText(app, req, nullptr);
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  std::string codes;
  for (const auto& handling : handlings) codes += (codes.empty() ? "" : ",") + handling;
  CaseChange change;
  change.kind = CaseEventKind::kClosed;
  change.code = std::string(StepCode(CaseStep::kClosed));
  change.detail = codes + ";" + outcome;
  change.text = text.text;
  change.step = CaseStep::kClosed;
  change.close = std::make_pair(handlings, outcome);
  std::string detail = change.detail;
  return ApplyCaseForm(app, request, req, std::move(change), "case.close", detail, "afgesloten");
}

}  // namespace meldpunt::web
