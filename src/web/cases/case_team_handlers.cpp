// Work between colleagues on a case: notes, and who handles it.
//
// Choices: a coordinator (kAssignCases) assigns and reassigns to any handler of the case's
// bureau, or to nobody. A handler without that permission may take an unassigned case for
// themselves, and nothing else: reassigning a colleague's case is the coordinator's call. Anyone
// who handles cases may work on any case of the bureau; the assignment says whose list it is on.
#include <algorithm>

#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/staff_account_store.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

http::Response CaseNotePost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "note");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (req.report.step == CaseStep::kArchived) {
    return RefuseCaseForm(app, request, req, Refusal::kArchived);
  }
  CaseText text = ReadCaseText(app, req, N_("Write your note first."));
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  CaseChange change;
  change.kind = CaseEventKind::kNote;
  change.text = text.text;
  return ApplyCaseForm(app, request, req, std::move(change), "case.note", "note", "notitie");
}

http::Response CaseAssignPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  // Everyone who may assign also handles cases; a handler may take a case (checked below).
  auto check = CheckCaseRequest(app, staff_request, "assign");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  std::string typed = req.form.Get("handler");
  std::optional<long long> handler;
  if (!typed.empty()) {
    auto staff = app.staff.ListBureauStaff(req.report.bureau_id);
    auto found = std::find_if(staff.begin(), staff.end(), [&](const StaffUser& user) {
      return std::to_string(user.id) == typed && IsAssignableHandler(user);
    });
    if (found == staff.end()) {
      return RefuseCaseForm(app, request, req,
                            Tr(app, req,
                               N_("Choose a handler of this bureau. Staff of another bureau, "
                                  "staff who do not handle cases, and deactivated accounts cannot "
                                  "be assigned.")));
    }
    handler = found->id;
  }
  bool taking = handler == req.staff.user_id && !req.report.assigned_to;
  if (!Allows(req.staff.role, Permission::kAssignCases) && !taking) {
    app.audit.Audit(req.staff.user_id, "access.denied",
                    std::string(RoleCode(req.staff.role)) + " " + request.path, app.now());
    return ErrorPage(app, 403, &request);
  }
  if (req.report.step == CaseStep::kArchived) {
    return RefuseCaseForm(app, request, req, Refusal::kArchived);
  }
  if (handler == req.report.assigned_to) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("The case is assigned to this handler already.")));
  }
  CaseChange change;
  change.kind = CaseEventKind::kAssigned;
  change.detail = handler ? std::to_string(*handler) : "";
  change.assign.emplace(handler);  // engaged: a handler, or nobody
  return ApplyCaseForm(app, request, req, std::move(change), "case.assign",
                       handler ? std::to_string(*handler) : "nobody", "toegewezen");
}

}  // namespace meldpunt::web
