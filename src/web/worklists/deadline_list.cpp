#include "web/worklists/deadline_list.hpp"

#include <algorithm>

#include "store/case_list_store.hpp"
#include "web/cases/case_times.hpp"

namespace meldpunt::web {

DeadlineList OverdueAndDueSoon(const std::vector<CaseTimeline>& cases,
                               const DeadlineSettings& settings, long long now) {
  DeadlineList list;
  for (const auto& timeline : cases) {
    for (const auto& deadline : DeadlinesOf(timeline, settings, now)) {
      if (deadline.state == DeadlineState::kOverdue) {
        ++list.overdue;
      } else if (deadline.state == DeadlineState::kDueSoon) {
        ++list.due_soon;
      } else {
        continue;
      }
      list.rows.push_back({timeline.report_id, timeline.reference, timeline.assigned_to,
                           deadline.kind, deadline.due_at, deadline.state});
    }
  }
  std::sort(list.rows.begin(), list.rows.end(), [](const DeadlineRow& a, const DeadlineRow& b) {
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    if (a.report_id != b.report_id) return a.report_id < b.report_id;
    return a.kind < b.kind;
  });
  return list;
}

}  // namespace meldpunt::web
