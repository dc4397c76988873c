// The forms of the case page that a staff member may use now: only the steps the protocol
// offers, only the actions the rules allow (with the reasons for the others), and the closing
// form with the handling codes the actions imply. The server checks every form again.
#include <algorithm>

#include "domain/cases/handling.hpp"
#include "store/case_store.hpp"
#include "store/code_list_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_own_initiative_handlers.hpp"
#include "web/cases/case_view.hpp"
#include "web/cases/refusal_messages.hpp"
#include "web/common/code_list_labels.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

// Radio or select choices from a list of codes: value, label, checked when it was typed.
kainjow::mustache::list CodeChoices(const AppContext& app, Lang lang,
                                    std::span<const CodeLabel> labels,
                                    const std::vector<std::string_view>& codes,
                                    const std::string& typed) {
  kainjow::mustache::list items;
  for (std::string_view code : codes) {
    TemplateData item;
    item.set("value", std::string(code));
    item.set("label", LabelOf(app, lang, labels, code));
    item.set("checked", Bool(code == typed));
    items.push_back(item);
  }
  return items;
}

void AddStepForm(TemplateData& data, const AppContext& app, Lang lang,
                 const RegisteredReport& report, const CaseFormError* error) {
  std::string typed = error && error->form == "step" ? error->Typed("step") : "";
  kainjow::mustache::list steps;
  for (CaseStep to : ReachableSteps(report.step)) {
    auto path = StepPath(report.step, to);
    auto transition = path.size() == 1 ? std::optional<Transition>(path.front()) : std::nullopt;
    TemplateData item;
    item.set("value", std::string(StepCode(to)));
    item.set("label", LabelOf(app, lang, StepLabels(), StepCode(to)));
    std::string hint;
    if (transition) {
      hint = LabelOf(app, lang, TransitionLabels(), TransitionKindCode(transition->kind));
    } else {
      // Several steps at once: the ones in between are recorded as done, and the page says so.
      hint = app.translator.Get(lang, N_("Records the steps in between as well:"));
      for (size_t i = 0; i + 1 < path.size(); ++i) {
        hint += (i == 0 ? " " : ", ") + LabelOf(app, lang, StepLabels(), StepCode(path[i].to));
      }
    }
    item.set("hint", hint);
    item.set("checked", Bool(StepCode(to) == typed));
    steps.push_back(item);
  }
  data.set("has_next_steps", Bool(!steps.empty()));
  data.set("next_steps", steps);
}

void AddActionForm(TemplateData& data, const AppContext& app, Lang lang,
                   const RegisteredReport& report, const std::vector<CaseEvent>& events,
                   const CaseFormError* error) {
  bool ours = error && error->form == "action";
  CaseFacts facts{report.anonymous, report.scope, report.consent_recorded, report.step};
  facts.own_initiative = OwnInitiativeOfCase(events);  // the bureau's own letter may go
  std::vector<std::string_view> allowed;
  kainjow::mustache::list refused;
  for (ActionKind kind : kAllActionKinds) {
    Verdict verdict = CheckAction(kind, facts);
    if (verdict) {
      allowed.push_back(ActionCode(kind));
      continue;
    }
    TemplateData item;
    item.set("value", std::string(ActionCode(kind)));
    item.set("label", LabelOf(app, lang, ActionLabels(), ActionCode(kind)));
    item.set("refusal", std::string(verdict.code()));
    item.set("reason", RefusalText(app, lang, verdict.refusal()));
    refused.push_back(item);
  }
  data.set("allowed_actions",
           CodeChoices(app, lang, ActionLabels(), allowed, ours ? error->Typed("action") : ""));
  data.set("has_refused_actions", Bool(!refused.empty()));
  data.set("refused_actions", refused);
  std::vector<std::string_view> targets;
  for (ComplaintTarget target : kAllComplaintTargets) targets.push_back(TargetCode(target));
  data.set("targets",
           CodeChoices(app, lang, TargetLabels(), targets, ours ? error->Typed("target") : ""));
}

void AddCloseForm(TemplateData& data, const AppContext& app, Lang lang,
                  const RegisteredReport& report, const std::vector<CaseEvent>& events,
                  const CaseFormError* error) {
  bool ours = error && error->form == "close";
  std::vector<std::string> ticked;
  std::string outcome;
  if (ours) {
    auto it = error->typed.find("handlings");
    if (it != error->typed.end()) ticked = it->second;
    outcome = error->Typed("outcome");
  } else {
    std::vector<ActionKind> done = ActionsDone(events);
    ticked = SuggestHandlings(done, report.is_complaint);
  }
  data.set("handling_choices", CodeListChoices(app, lang, app.code_lists.LoadCodeLists(),
                                               CodeListKind::kHandlings, "handling", ticked));
  data.set("outcome_choices", Choices(app, lang, "outcome", OutcomeLabels(), {outcome}));
}

void AddAssignForm(TemplateData& data, const StaffSession& staff, const RegisteredReport& report,
                   const std::vector<StaffUser>& bureau_staff, const CaseFormError* error) {
  if (report.step == CaseStep::kArchived) return;
  if (Allows(staff.role, Permission::kAssignCases)) {
    std::string typed = error && error->form == "assign"
                            ? error->Typed("handler")
                            : (report.assigned_to ? std::to_string(*report.assigned_to) : "");
    kainjow::mustache::list handlers;
    for (const auto& user : bureau_staff) {
      if (!IsAssignableHandler(user)) continue;
      TemplateData item;
      item.set("id", std::to_string(user.id));
      item.set("email", user.email);
      item.set("selected", Bool(std::to_string(user.id) == typed));
      handlers.push_back(item);
    }
    data.set("may_assign", Bool(true));
    data.set("handlers", handlers);
  } else if (!report.assigned_to) {
    // A handler may take an unassigned case for themselves; assigning others is coordination.
    data.set("may_take", Bool(true));
    data.set("own_id", std::to_string(staff.user_id));
  }
}

}  // namespace

void AddCaseForms(TemplateData& data, const AppContext& app, Lang lang, const StaffSession& staff,
                  const RegisteredReport& report, const std::vector<CaseEvent>& events,
                  const std::vector<StaffUser>& bureau_staff, const CaseFormError* error) {
  bool may_handle = Allows(staff.role, Permission::kHandleCases);
  data.set("may_handle", Bool(may_handle));
  if (!may_handle) return;
  data.set("case_version", std::to_string(report.case_version));
  data.set("max_text", std::to_string(kMaxCaseTextChars));
  data.set("is_open", Bool(IsOpen(report.step)));
  data.set("may_note", Bool(report.step != CaseStep::kArchived));
  AddAssignForm(data, staff, report, bureau_staff, error);
  AddStepForm(data, app, lang, report, error);
  if (IsOpen(report.step)) {
    AddActionForm(data, app, lang, report, events, error);
    std::string contact = error && error->form == "contact" ? error->Typed("contact") : "";
    data.set("contact_choices", Choices(app, lang, "contact", ContactLabels(), {contact}));
    AddCloseForm(data, app, lang, report, events, error);
  }
  if (error) {
    // The form that came back keeps its text and shows why, beside it.
    SetIfNotEmpty(data, error->form + "_error", error->message);
    SetIfNotEmpty(data, error->form + "_text", error->Typed("text"));
  }
}

}  // namespace meldpunt::web
