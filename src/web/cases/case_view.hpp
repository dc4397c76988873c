#pragma once
// What the case page (/medewerkers/meldingen/{id}) shows of a case, as template data: the
// summary with its deadlines (_case_summary), the history (_case_history) and the forms
// a staff member may use now (_case_forms). Pure rendering: the caller reads the store and
// writes the audit record.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "domain/cases/case_action.hpp"
#include "store/case_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// Free text on a case (what was done, a note, how consent was given) is at most this long, like
// a message to the reporter.
inline constexpr size_t kMaxCaseTextChars = 5000;

// A case form that came back: which one (step, action, consent, contact, note, assign, close,
// message), why in the visitor's words, and what was typed, so that the page shows the reason
// beside that form and keeps the input.
struct CaseFormError {
  std::string form;
  std::string message;
  bool conflict = false;  // a colleague changed the case meanwhile
  std::map<std::string, std::vector<std::string>> typed;
  // The first value typed in a field, or "".
  std::string Typed(const std::string& field) const;
};

// Staff who may handle cases: the people a case can be assigned to.
bool IsCaseHandler(const StaffUser& user);
// A case handler whose account is active: the people a case can be assigned to now (issue 14).
// Lists still name deactivated handlers of the cases they had.
bool IsAssignableHandler(const StaffUser& user);

// The actions done on a case, from its history, oldest first; a letter sent from the letters page
// counts as the action "letter to the other party".
std::vector<ActionKind> ActionsDone(const std::vector<CaseEvent>& events);

void AddCaseSummary(TemplateData& data, const AppContext& app, Lang lang,
                    const RegisteredReport& report, const std::vector<CaseEvent>& events,
                    const std::vector<ThreadMessage>& messages,
                    const std::vector<StaffUser>& bureau_staff);

// One line of a case's history: an event recorded on the case, or a message between the bureau
// and the reporter (the follow-up thread), so the history shows everything that happened.
using HistoryEntry = std::variant<const CaseEvent*, const ThreadMessage*>;

// Events and messages in one list in time order, oldest first; at the same second an event comes
// before a message. Both inputs are oldest first; the entries point into them.
std::vector<HistoryEntry> MergeHistory(const std::vector<CaseEvent>& events,
                                       const std::vector<ThreadMessage>& messages);

void AddCaseHistory(TemplateData& data, const AppContext& app, Lang lang,
                    const std::vector<CaseEvent>& events,
                    const std::vector<ThreadMessage>& messages,
                    const std::vector<StaffUser>& bureau_staff);

// Whether a mediation may be planned now: an open case, not erased, on which the action
// "mediation" is recorded (case_mediation_handlers.cpp).
bool MayPlanMediation(const RegisteredReport& report, const std::vector<CaseEvent>& events);

// The planned mediation in the summary, and its form when MayPlanMediation
// (case_mediation_view.cpp).
void AddMediation(TemplateData& data, const RegisteredReport& report,
                  const std::vector<CaseEvent>& events, const std::optional<Mediation>& mediation,
                  const CaseFormError* error);

void AddCaseForms(TemplateData& data, const AppContext& app, Lang lang, const StaffSession& staff,
                  const RegisteredReport& report, const std::vector<CaseEvent>& events,
                  const std::vector<StaffUser>& bureau_staff, const CaseFormError* error);

}  // namespace meldpunt::web
