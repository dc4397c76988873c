#include "web/cases/case_own_initiative_handlers.hpp"

#include "domain/cases/case_event.hpp"
#include "domain/cases/own_initiative.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

std::string OwnInitiativeOfCase(const std::vector<CaseEvent>& events) {
  std::vector<std::string> codes;
  for (const auto& event : events) {
    if (event.kind == CaseEventKind::kOwnInitiative) codes.push_back(event.code);
  }
  return CurrentOwnInitiative(codes);
}

const char* OwnInitiativeLetterReason(std::string_view reason) {
  if (reason == "general_rule") {
    return N_(
        "This letter may go without the reporter's consent because the case is marked as "
        "the bureau's own initiative about a general rule: the letter is the bureau's own "
        "and is about the rule, not about the reporter. Do not name the reporter or "
        "anything that points to them.");
  }
  if (reason == "observation") {
    return N_(
        "This letter may go without the reporter's consent because the case is marked as "
        "the bureau's own initiative on an observation (signalering): the letter is the "
        "bureau's own and says nothing about a reporter. Do not name the reporter or "
        "anything that points to them.");
  }
  return nullptr;
}

const char* OwnInitiativeLabel(std::string_view reason) {
  if (reason == "general_rule") return N_("About a general rule");
  if (reason == "observation") return N_("An observation (signalering)");
  return N_("Ended");
}

void AddCaseOwnInitiative(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                          const RegisteredReport& report, const std::vector<CaseEvent>& events,
                          const CaseFormError* error) {
  std::string current = OwnInitiativeOfCase(events);
  data.set("own_initiative", Bool(!current.empty()));
  if (!current.empty()) {
    data.set("own_initiative_label", app.translator.Get(lang, OwnInitiativeLabel(current)));
  }
  bool open = IsOpen(report.step);
  data.set("may_mark_own_initiative", Bool(may_handle && open));
  if (!may_handle || !open) return;
  bool ours = error && error->form == "own_initiative";
  std::string typed = ours ? error->Typed("reason") : "";
  kainjow::mustache::list reasons;
  for (std::string_view code : kOwnInitiativeReasons) {
    TemplateData item;
    item.set("value", std::string(code));
    item.set("label", app.translator.Get(lang, OwnInitiativeLabel(code)));
    item.set("checked", Bool(code == typed || (typed.empty() && code == current)));
    reasons.push_back(item);
  }
  data.set("own_initiative_reasons", reasons);
  data.set("own_initiative_text", ours ? error->Typed("text") : "");
  data.set("own_initiative_version", std::to_string(report.case_version));
  if (ours) data.set("own_initiative_error", error->message);
}

http::Response CaseOwnInitiativePost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "own_initiative");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  if (!IsOpen(req.report.step)) return RefuseCaseForm(app, request, req, Refusal::kCaseClosed);
  const std::string reason = req.form.Get("reason");
  const bool end = reason == kOwnInitiativeEnded;
  if (!end && !IsOwnInitiativeReason(reason)) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("Choose why the bureau acts on its own initiative.")));
  }
  std::string current = OwnInitiativeOfCase(app.cases.ListCaseEvents(req.report.id));
  if (end && current.empty()) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("This case is not marked as own initiative.")));
  }
  // Why the bureau may act without the reporter is part of the record: required when marking.
  CaseText text = ReadCaseText(
      app, req, end ? nullptr : N_("Write why the bureau acts on its own initiative."));
  if (text.problem) return RefuseCaseForm(app, request, req, *text.problem);
  CaseChange change;
  change.kind = CaseEventKind::kOwnInitiative;
  change.code = reason;
  change.text = text.text;
  return ApplyCaseForm(app, request, req, std::move(change), "case.own_initiative", reason,
                       end ? "eigen-initiatief-beeindigd" : "eigen-initiatief");
}

}  // namespace meldpunt::web
