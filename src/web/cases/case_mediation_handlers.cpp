// Planning a mediation (bemiddeling) on a case: its moment, place and participants
// (domain/cases/mediation.hpp), once the action "mediation" is recorded. Changing the plan is the
// same form again; every version is an event in the history.
#include <algorithm>

#include "domain/cases/case_action.hpp"
#include "domain/cases/mediation.hpp"
#include "domain/dutch_time.hpp"
#include "store/case_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/case_view.hpp"

namespace meldpunt::web {
namespace {

const char* ProblemText(MediationProblem problem) {
  switch (problem) {
    case MediationProblem::kDateMissing:
      return N_("Enter the date of the mediation.");
    case MediationProblem::kDateInvalid:
      return N_("Enter the date as year-month-day, for example 2026-12-10.");
    case MediationProblem::kTimeInvalid:
      return N_("Enter the time as hours:minutes, for example 14:30.");
    case MediationProblem::kPlaceMissing:
      return N_("Enter where the mediation takes place, or \"online\".");
    case MediationProblem::kPlaceTooLong:
      return N_("The place can be at most 200 characters.");
    case MediationProblem::kParticipantsTooLong:
      return N_("The participants can be at most 500 characters.");
    case MediationProblem::kInvalidText:
      return N_("This contains characters we cannot store.");
  }
  return N_("This contains characters we cannot store.");
}

}  // namespace

bool MayPlanMediation(const RegisteredReport& report, const std::vector<CaseEvent>& events) {
  if (!IsOpen(report.step) || report.anonymised_at) return false;
  auto done = ActionsDone(events);
  return std::find(done.begin(), done.end(), ActionKind::kMediationSession) != done.end();
}

http::Response CaseMediationPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "mediation");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (!MayPlanMediation(req.report, app.cases.ListCaseEvents(req.report.id))) {
    return RefuseCaseForm(
        app, request, req,
        Tr(app, req,
           N_("A mediation is planned on an open case once the action \"mediation\" is "
              "recorded on it.")));
  }
  MediationCheck typed = CheckMediation(req.form.Get("date"), req.form.Get("time"),
                                        req.form.Get("place"), req.form.Get("participants"));
  if (typed.problem)
    return RefuseCaseForm(app, request, req, Tr(app, req, ProblemText(*typed.problem)));
  const MediationInput& input = *typed.input;
  CaseChange change;
  change.kind = CaseEventKind::kMediationPlanned;
  change.code = "mediation";
  // The moment is no personal data: in the detail, readable in the history without the key.
  change.detail = FormatDutchDateTime(input.planned_at);
  change.text = input.participants.empty() ? input.place : input.place + "\n" + input.participants;
  change.mediation = Mediation{input.planned_at, input.place, input.participants};
  std::string detail = change.detail;
  return ApplyCaseForm(app, request, req, std::move(change), "case.mediation", detail,
                       "bemiddeling");
}

}  // namespace meldpunt::web
