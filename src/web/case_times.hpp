#pragma once
// The deadlines of a case (termijnen) from what its history records: one rule, in one place, for
// the case page (one case, from its events and messages) and the work lists (many cases at once,
// from Store::ListOpenCaseTimelines).
//
// What counts (see also domain/deadlines.hpp):
// - Receipt: a report made on the web site is confirmed on the spot (the confirmation page with
//   the receipt code); one registered by staff (phone, e-mail, post, walk-in) is confirmed by the
//   bureau's first message or first recorded contact.
// - First contact: the bureau's first message in the follow-up thread, or the first contact
//   event (either code: the bureau reached the reporter, or the reporter responded).
// - The reporter was heard: their last message, or the last contact event.
// - Missed appointments, letters to the other party and their replies: the case events of
//   those kinds.
// - Only a complaint (klacht) has a case and so deadlines; a report for registration only has
//   none.
#include <vector>

#include "domain/deadlines.hpp"
#include "store/store.hpp"
#include "web/app.hpp"

namespace meldpunt::web {

// The timeline of one case, as Store::ListOpenCaseTimelines would read it.
CaseTimeline CaseTimelineOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                            const std::vector<ThreadMessage>& messages);

CaseTimes CaseTimesOf(const CaseTimeline& timeline);
CaseTimes CaseTimesOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                      const std::vector<ThreadMessage>& messages);

// The norms a bureau holds its cases to. The defaults of DeadlineSettings for now; this is the
// one place that will read the bureau's own settings once bureaus can set them.
DeadlineSettings DeadlineSettingsFor(const AppContext& app, long long bureau_id);

// The deadlines of a case at `now` (CaseDeadlines), none for a report that is not a complaint.
std::vector<Deadline> DeadlinesOf(const CaseTimeline& timeline, const DeadlineSettings& settings,
                                  long long now);

}  // namespace meldpunt::web
