// The history of a case: every event, oldest first, with who, when and what.
#include "domain/dutch_time.hpp"
#include "store/case_store.hpp"
#include "store/staff_account_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

std::string StaffEmail(const std::vector<StaffUser>& staff, std::string_view id) {
  for (const auto& user : staff) {
    if (std::to_string(user.id) == id) return user.email;
  }
  std::string unknown = "#";
  unknown += id;
  return unknown;
}

// "advice,referral;referred" -> the labels of the codes and of the outcome.
std::string ClosingLabel(const AppContext& app, Lang lang, const std::string& detail) {
  size_t semicolon = detail.find(';');
  std::string codes = detail.substr(0, semicolon);
  std::string outcome = semicolon == std::string::npos ? "" : detail.substr(semicolon + 1);
  std::vector<std::string> handlings;
  for (size_t pos = 0; pos < codes.size();) {
    size_t comma = codes.find(',', pos);
    if (comma == std::string::npos) comma = codes.size();
    if (comma > pos) handlings.push_back(codes.substr(pos, comma - pos));
    pos = comma + 1;
  }
  std::string label = LabelsOf(app, lang, HandlingLabels(), handlings);
  if (!outcome.empty()) {
    label.append(" — ")
        .append(app.translator.Get(lang, N_("Outcome")))
        .append(": ")
        .append(LabelOf(app, lang, OutcomeLabels(), outcome));
  }
  return label;
}

// What happened, in words: the kind of event and what it was about.
std::string WhatHappened(const AppContext& app, Lang lang, const CaseEvent& event,
                         const std::vector<StaffUser>& staff) {
  std::string kind = LabelOf(app, lang, EventLabels(), CaseEventCode(event.kind));
  switch (event.kind) {
    case CaseEventKind::kStep: {
      std::string label = kind + ": " + LabelOf(app, lang, StepLabels(), event.code);
      if (event.detail == "back" || event.detail == "skip") {
        label.append(" (").append(LabelOf(app, lang, TransitionLabels(), event.detail)).append(")");
      }
      return label;
    }
    case CaseEventKind::kReopened:
      return kind + ": " + LabelOf(app, lang, StepLabels(), event.code);
    case CaseEventKind::kAction: {
      std::string label = kind + ": " + LabelOf(app, lang, ActionLabels(), event.code);
      if (!event.detail.empty()) {
        label.append(" (").append(LabelOf(app, lang, TargetLabels(), event.detail)).append(")");
      }
      return label;
    }
    case CaseEventKind::kAssigned:
      return kind + ": " +
             (event.detail.empty() ? app.translator.Get(lang, N_("nobody"))
                                   : StaffEmail(staff, event.detail));
    case CaseEventKind::kConsent:
      return LabelOf(app, lang, ConsentLabels(), event.code);
    case CaseEventKind::kContact:
      return kind + ": " + LabelOf(app, lang, ContactLabels(), event.code);
    case CaseEventKind::kClosed:
      return kind + ": " + ClosingLabel(app, lang, event.detail);
    case CaseEventKind::kClassified:
      return kind + " (" + app.translator.Get(lang, N_("code-list version")) + " " + event.detail +
             ")";
    default:
      return kind;
  }
}

}  // namespace

void AddCaseHistory(TemplateData& data, const AppContext& app, Lang lang,
                    const std::vector<CaseEvent>& events,
                    const std::vector<StaffUser>& bureau_staff) {
  kainjow::mustache::list items;
  for (const auto& event : events) {
    TemplateData item;
    item.set("kind", std::string(CaseEventCode(event.kind)));
    item.set("code", event.code);
    item.set("what", WhatHappened(app, lang, event, bureau_staff));
    item.set("who", event.staff_email.empty() ? app.translator.Get(lang, N_("the system"))
                                              : event.staff_email);
    item.set("at", FormatDutchDateTime(event.at));
    SetIfNotEmpty(item, "text", event.text);
    items.push_back(item);
  }
  data.set("has_events", Bool(!items.empty()));
  data.set("events", items);
}

}  // namespace meldpunt::web
