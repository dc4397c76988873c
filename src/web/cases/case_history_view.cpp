// The history of a case: every event and every message with the reporter, oldest first, with
// who, when and what.
#include <algorithm>
#include <variant>

#include "domain/dutch_time.hpp"
#include "store/case_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/staff_account_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_own_initiative_handlers.hpp"
#include "web/cases/case_referral_handlers.hpp"
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
    case CaseEventKind::kAssigned: {
      std::string label = kind + ": " +
                          (event.detail.empty() ? app.translator.Get(lang, N_("nobody"))
                                                : StaffEmail(staff, event.detail));
      // Unassigned by the system when the handler's account changed (issue 14).
      if (event.code == kUnassignedAccountMoved) {
        label += " (" + app.translator.Get(lang, N_("the handler moved to another bureau")) + ")";
      } else if (event.code == kUnassignedAccountDeactivated) {
        label += " (" + app.translator.Get(lang, N_("the handler's account was deactivated")) + ")";
      }
      return label;
    }
    case CaseEventKind::kConsent:
      return LabelOf(app, lang, ConsentLabels(), event.code);
    case CaseEventKind::kContact:
      return kind + ": " + LabelOf(app, lang, ContactLabels(), event.code);
    case CaseEventKind::kFollowUp:
      // "Follow-up date: 2027-03-12", or "Follow-up date: done".
      return kind + ": " +
             (event.code == "done" ? app.translator.Get(lang, N_("done")) : event.detail);
    case CaseEventKind::kClosed:
      return kind + ": " + ClosingLabel(app, lang, event.detail);
    case CaseEventKind::kClassified:
      return kind + " (" + app.translator.Get(lang, N_("code-list version")) + " " + event.detail +
             ")";
    case CaseEventKind::kMediationPlanned:
      return kind + ": " + event.detail;  // the moment, "2026-12-10 14:30"
    case CaseEventKind::kTagged: {        // the tag's name is the event's text
      const char* what = event.code == "added" ? N_("Tag added") : N_("Tag removed");
      return app.translator.Get(lang, what);
    }
    case CaseEventKind::kOwnInitiative:  // why is the event's text
      return kind + ": " + app.translator.Get(lang, OwnInitiativeLabel(event.code));
    case CaseEventKind::kRelated: {  // "Linked as related: MP-2026-000042"
      const char* what =
          event.code == "linked" ? N_("Linked as related") : N_("Unlinked as related");
      return app.translator.Get(lang, what) + ": " + event.detail;
    }
    case CaseEventKind::kReferred:  // another body's name is the event's text
      return ReferralHistoryLine(app, lang, event);
    default:
      return kind;
  }
}

}  // namespace

std::vector<HistoryEntry> MergeHistory(const std::vector<CaseEvent>& events,
                                       const std::vector<ThreadMessage>& messages) {
  std::vector<HistoryEntry> entries;
  entries.reserve(events.size() + messages.size());
  auto event = events.begin();
  auto message = messages.begin();
  // Both lists are oldest first; at the same second the event comes first, as a message is
  // usually the consequence of what staff recorded.
  while (event != events.end() || message != messages.end()) {
    if (message == messages.end() || (event != events.end() && event->at <= message->at)) {
      entries.emplace_back(&*event++);
    } else {
      entries.emplace_back(&*message++);
    }
  }
  return entries;
}

void AddCaseHistory(TemplateData& data, const AppContext& app, Lang lang,
                    const std::vector<CaseEvent>& events,
                    const std::vector<ThreadMessage>& messages,
                    const std::vector<StaffUser>& bureau_staff) {
  kainjow::mustache::list items;
  for (const HistoryEntry& entry : MergeHistory(events, messages)) {
    TemplateData item;
    // Both flags on every item: a flag left out would be looked up on the page around it.
    item.set("event", Bool(std::holds_alternative<const CaseEvent*>(entry)));
    item.set("message", Bool(std::holds_alternative<const ThreadMessage*>(entry)));
    if (const auto* event = std::get_if<const CaseEvent*>(&entry)) {
      item.set("kind", std::string(CaseEventCode((*event)->kind)));
      item.set("code", (*event)->code);
      item.set("what", WhatHappened(app, lang, **event, bureau_staff));
      item.set("who", (*event)->staff_email.empty() ? app.translator.Get(lang, N_("the system"))
                                                    : (*event)->staff_email);
      item.set("at", FormatDutchDateTime((*event)->at));
      SetIfNotEmpty(item, "text", (*event)->text);
    } else {
      // A message with the reporter: marked as such, with who wrote it (the bureau or the
      // reporter). The text is the message itself, as in the conversation below.
      const ThreadMessage& message = *std::get<const ThreadMessage*>(entry);
      bool from_reporter = message.author == MessageAuthor::kReporter;
      item.set("kind", std::string("message"));
      item.set("from", std::string(AuthorCode(message.author)));
      item.set("what", app.translator.Get(lang, from_reporter ? N_("Message from the reporter")
                                                              : N_("Message to the reporter")));
      std::string who =
          app.translator.Get(lang, from_reporter ? N_("the reporter") : N_("the reporting point"));
      if (!from_reporter && !message.staff_email.empty()) who = message.staff_email;
      item.set("who", who);
      item.set("at", FormatDutchDateTime(message.at));
      item.set("text", message.erased ? app.translator.Get(lang, N_("(Erased with the report's "
                                                                    "personal data.)"))
                                      : message.body);
    }
    items.push_back(item);
  }
  data.set("has_events", Bool(!items.empty()));
  data.set("events", items);

  // The notes and the letters once more, each in their own part of the page.
  kainjow::mustache::list notes;
  kainjow::mustache::list letters;
  for (const CaseEvent& event : events) {
    bool note = event.kind == CaseEventKind::kNote;
    bool letter = event.kind == CaseEventKind::kLetterSent ||
                  event.kind == CaseEventKind::kReplyReceived ||
                  (event.kind == CaseEventKind::kAction &&
                   event.code == ActionCode(ActionKind::kLetterToOtherParty));
    if (!note && !letter) continue;
    TemplateData item;
    item.set("kind", std::string(CaseEventCode(event.kind)));
    item.set("what", WhatHappened(app, lang, event, bureau_staff));
    item.set("who", event.staff_email.empty() ? app.translator.Get(lang, N_("the system"))
                                              : event.staff_email);
    item.set("at", FormatDutchDateTime(event.at));
    SetIfNotEmpty(item, "text", event.text);
    (note ? notes : letters).push_back(item);
  }
  data.set("has_notes", Bool(!notes.empty()));
  data.set("notes", notes);
  data.set("has_letters", Bool(!letters.empty()));
  data.set("letters", letters);
}

}  // namespace meldpunt::web
