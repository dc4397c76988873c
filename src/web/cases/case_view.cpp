// Small helpers shared by the parts of the case page.
#include "web/cases/case_view.hpp"

#include "store/case_store.hpp"
#include "store/staff_account_store.hpp"

namespace meldpunt::web {

std::string CaseFormError::Typed(const std::string& field) const {
  auto it = typed.find(field);
  return it == typed.end() || it->second.empty() ? "" : it->second.front();
}

bool IsCaseHandler(const StaffUser& user) {
  auto role = ParseRole(user.role);
  return role && Allows(*role, Permission::kHandleCases);
}

bool IsAssignableHandler(const StaffUser& user) {
  return IsCaseHandler(user) && !user.deactivated_at;
}

std::vector<ActionKind> ActionsDone(const std::vector<CaseEvent>& events) {
  std::vector<ActionKind> done;
  for (const auto& event : events) {
    // A letter recorded on the letters page is the action "letter to the other party" (hoor en
    // wederhoor), the same as one recorded with the action form: the deadlines count both.
    if (event.kind == CaseEventKind::kLetterSent) {
      done.push_back(ActionKind::kLetterToOtherParty);
      continue;
    }
    // A referral recorded with its destination (case_referral_handlers) is the action referral.
    if (event.kind == CaseEventKind::kReferred) {
      done.push_back(ActionKind::kReferral);
      continue;
    }
    if (event.kind != CaseEventKind::kAction) continue;
    if (auto kind = ParseAction(event.code)) done.push_back(*kind);
  }
  return done;
}

}  // namespace meldpunt::web
