#pragma once
// The next deadline and last activity of a report about to be inserted (SociStore::AddReport).
// It has no history, messages, letters or plans yet, so its timeline is what AddReport writes,
// and both values go into the INSERT itself, with one read of the bureau's settings, instead of
// SociStore::RefreshCaseDue's ten statements afterwards: the single writer's main cost per
// report after the receipt hash became fast (docs/design.md, "Durable submissions at disk speed
// (issue 16)"). Defined in soci_case_due.cpp, beside the general rule.
#include "store/case_list_store.hpp"

namespace soci {
class session;
}

namespace meldpunt {

struct NewCaseDue {
  long long next_due_at = 0;  // kNoDueAt: nothing due
  long long last_activity_at = 0;
};
NewCaseDue NewCaseDueOf(soci::session& sql, const CaseTimeline& timeline);
// Its last activity alone: when it was reported, or registered by staff if that was later.
long long NewCaseLastActivity(const CaseTimeline& timeline);

// After a history entry at `now` that left the case closed or archived (SociStore::
// ApplyCaseChangeIn): a closed case has no next deadline, and its last activity is the later of
// the stored one and now, as every earlier write kept it by the full rule. Two statements instead
// of RefreshCaseDue's ten; closing a registration-only report follows every such submission.
// False (nothing written) when the row has no last activity stored: then use RefreshCaseDue.
bool StampClosedCaseDue(soci::session& sql, long long report_id, long long now);

}  // namespace meldpunt
