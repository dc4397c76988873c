#pragma once
// The work list of deadlines (termijnenlijst): which deadlines of open cases are overdue or due
// soon, most overdue first, and how many of each. Pure: the cases, the norms and the time come
// in, so the page and its tests see the same list.
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/deadlines.hpp"
#include "store/case_list_store.hpp"

namespace meldpunt::web {

struct DeadlineRow {
  long long report_id = 0;
  std::string reference;
  std::optional<long long> assigned_to;
  DeadlineKind kind = DeadlineKind::kFirstContact;
  long long due_at = 0;  // the last second still in time
  DeadlineState state = DeadlineState::kDueSoon;
};

struct DeadlineList {
  std::vector<DeadlineRow> rows;  // earliest due first (the most overdue), then by reference
  int overdue = 0;
  int due_soon = 0;
};

// Only deadlines that are overdue or due soon; deadlines met or not yet near are no work now.
DeadlineList OverdueAndDueSoon(const std::vector<CaseTimeline>& cases,
                               const DeadlineSettings& settings, long long now);

}  // namespace meldpunt::web
