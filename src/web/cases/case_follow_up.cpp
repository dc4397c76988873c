#include "web/cases/case_follow_up.hpp"

#include <chrono>

#include "base/text.hpp"
#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "store/case_due.hpp"
#include "web/cases/case_request.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

// The last follow_up entry of the history, when it set a date (the open one).
const CaseEvent* OpenFollowUp(const std::vector<CaseEvent>& events) {
  const CaseEvent* last = nullptr;
  for (const auto& event : events) {
    if (event.kind == CaseEventKind::kFollowUp) last = &event;
  }
  if (!last || !FollowUpDueAt(last->code, last->detail)) return nullptr;
  return last;
}

}  // namespace

http::Response CaseFollowUpPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "follow_up");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (req.report.step == CaseStep::kArchived) {
    return RefuseCaseForm(app, request, req, Refusal::kArchived);
  }
  if (req.report.step == CaseStep::kClosed) {
    return RefuseCaseForm(app, request, req, Refusal::kCaseClosed);
  }
  CaseChange change;
  change.kind = CaseEventKind::kFollowUp;
  if (req.form.Get("klaar") == "1") {
    if (!OpenFollowUp(app.cases.ListCaseEvents(req.report.id))) {
      return RefuseCaseForm(app, request, req,
                            Tr(app, req, N_("This case has no open follow-up date.")));
    }
    change.code = std::string(kFollowUpDone);
    return ApplyCaseForm(app, request, req, std::move(change), "case.follow_up", "done",
                         "opvolging-klaar");
  }
  std::string typed = Trim(req.form.Get("datum"));
  auto date = ParseIsoDate(typed);
  if (typed.empty()) {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("Choose the follow-up date.")));
  }
  if (!date) {
    return RefuseCaseForm(
        app, request, req,
        Tr(app, req, N_("Give the date as day, month and year, e.g. 2027-03-12.")));
  }
  using std::chrono::days;
  using std::chrono::sys_days;
  sys_days today{DutchDateOf(app.now())};
  if (sys_days{*date} < today || sys_days{*date} > today + days{kMaxFollowUpDaysAhead}) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("Choose a date from today up to two years ahead.")));
  }
  CaseText note = ReadCaseText(app, req, nullptr);
  if (note.problem) return RefuseCaseForm(app, request, req, *note.problem);
  if (CountCodePoints(note.text) > kMaxFollowUpNoteChars) {
    return RefuseCaseForm(
        app, request, req,
        Tr(app, req, N_("The note can be at most 200 characters. Please shorten it.")));
  }
  change.code = std::string(kFollowUpSet);
  change.detail = FormatIsoDate(*date);
  change.text = note.text;
  // The audit record has the date, never the note (it may name people).
  return ApplyCaseForm(app, request, req, std::move(change), "case.follow_up",
                       "set " + change.detail, "opvolgdatum");
}

void AddCaseFollowUp(TemplateData& data, const AppContext& app, Lang lang,
                     const RegisteredReport& report, const std::vector<CaseEvent>& events,
                     const CaseFormError* error) {
  (void)lang;
  bool open_case = report.step != CaseStep::kClosed && report.step != CaseStep::kArchived;
  data.set("follow_up_possible", Bool(open_case));
  data.set("follow_up_max_note", std::to_string(kMaxFollowUpNoteChars));
  data.set("follow_up_min_date", FormatIsoDate(DutchDateOf(app.now())));
  if (const CaseEvent* open = OpenFollowUp(events)) {
    data.set("follow_up_open", Bool(true));
    data.set("follow_up_date", open->detail);
    data.set("follow_up_note", open->text);
    data.set("follow_up_by", open->staff_email);
    long long due = *FollowUpDueAt(open->code, open->detail);
    data.set("follow_up_overdue", Bool(due < app.now()));
  }
  if (error && error->form == "follow_up") data.set("follow_up_typed_date", error->Typed("datum"));
}

}  // namespace meldpunt::web
