#pragma once
// The moments of a case that its deadlines look at (domain/cases/deadlines.hpp: CaseTimes), read
// from the report, its history and the messages with the reporter: one rule, in one place, for the
// case page (one case, from its events and messages) and the work lists (many cases at once,
// from Store::ListOpenCaseTimelines, which aggregates the same events in the database).
//
// Choices:
// - Receipt is confirmed when the report is registered: the web form shows the confirmation on
//   the spot, and staff confirm reports by phone, post or walk-in when they register them, which
//   may be days after the day of receipt (reported_at) that the terms count from.
// - First contact: the bureau's first message in the follow-up thread, or the first contact
//   event (either way round: the bureau reached the reporter, or the reporter got in touch).
// - Heard from the reporter: their last message in the thread, or the last contact event
//   "the reporter responded".
// - A letter to the other party: a letter_sent event, or the action "letter to the other party";
//   the last of them counts, with the reply date a letter_sent event gave. Its reply: the last
//   reply_received event.
// - Only a complaint (klacht) has a case and so deadlines (DeadlinesOf); a report for
//   registration only has none.
#include <vector>

#include "domain/cases/deadlines.hpp"
#include "store/case_list_store.hpp"
#include "store/case_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/store_types.hpp"

namespace meldpunt::web {

// The timeline of one case, exactly as Store::ListOpenCaseTimelines reads it. registered_at:
// Store::GetReportIntake's, for a report registered by staff; mediation_at:
// CaseStore::PlannedMediationAt.
CaseTimeline CaseTimelineOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                            const std::vector<ThreadMessage>& messages,
                            std::optional<long long> registered_at = std::nullopt,
                            std::optional<long long> mediation_at = std::nullopt);

CaseTimes CaseTimesOf(const CaseTimeline& timeline);
CaseTimes CaseTimesOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                      const std::vector<ThreadMessage>& messages);

// The deadlines of a case at `now` (CaseDeadlines); none for a report that is not a complaint.
std::vector<Deadline> DeadlinesOf(const CaseTimeline& timeline, const DeadlineSettings& settings,
                                  long long now);

}  // namespace meldpunt::web
