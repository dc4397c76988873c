#pragma once
// The next deadline of a case (volgende termijn), from the same timeline the deadlines page
// reads: one rule for the case page, the deadlines page and the list of reports, which sorts and
// filters on the moment stored on the report row (reports.next_due_at, kept by every write that
// changes a case's history in the same transaction; store/soci/soci_case_due.cpp).
//
// The next deadline is the earliest deadline of the case that is not met yet, of every source:
// - the norms of a complaint (CaseDeadlines: receipt, first contact, silence, no-shows, the other
//   party's reply), with the bureau's settings;
// - the dates staff plan on a case themselves (PlannedDates: a follow-up date; a planned
//   mediation is meant to be one more of them, see docs/design.md).
// A closed or archived case has none. None of it depends on the time now: the state of a
// deadline (overdue, due soon) does, and the list computes it from the stored moment at the time
// of reading.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/cases/deadlines.hpp"
#include "store/case_list_store.hpp"

namespace meldpunt {

// kNoDueAt (store/case_list_store.hpp) is stored for "no next deadline" (31 December 9999,
// 23:59:59 UTC), so that the column can be NOT NULL and a soonest-first order puts cases without
// a deadline last on both engines, through the same index range as the others.

// A follow-up date (opvolgdatum) as the case history records it: an event of kind follow_up
// with code "set" and the date (YYYY-MM-DD) as its detail, or code "done". The open one's due
// moment is the end of that Dutch day; none after "done" or for a detail that is no date.
inline constexpr std::string_view kFollowUpSet = "set";
inline constexpr std::string_view kFollowUpDone = "done";
std::optional<long long> FollowUpDueAt(std::string_view code, std::string_view detail);

// The moments of the timeline as the domain's deadline rules take them.
CaseTimes CaseTimesOfTimeline(const CaseTimeline& timeline);

// The deadlines at `now`: the norms' (a complaint only) and then the planned ones (a follow-up
// date, for any open case).
std::vector<Deadline> TimelineDeadlines(const CaseTimeline& timeline,
                                        const DeadlineSettings& settings, long long now);

// The earliest due moment of TimelineDeadlines that is not met; none for a closed case or one
// without any.
std::optional<long long> NextDueAt(const CaseTimeline& timeline, const DeadlineSettings& settings);

}  // namespace meldpunt
