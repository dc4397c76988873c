#include "store/case_due.hpp"

#include <algorithm>
#include <chrono>

#include "domain/date.hpp"

namespace meldpunt {
namespace {

std::optional<long long> Earliest(std::optional<long long> a, std::optional<long long> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

std::optional<long long> Latest(std::optional<long long> a, std::optional<long long> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

// The dates staff planned on the case, as deadlines of their own kind: the open follow-up date and
// the planned mediation. Each is a field of CaseTimeline, filled in ReadCaseTimelines and
// CaseTimelineOf, a DeadlineKind and a line here (docs/design.md).
std::vector<Deadline> PlannedDeadlines(const CaseTimeline& t, const DeadlineSettings& settings,
                                       long long now) {
  std::vector<Deadline> planned;
  if (t.closed_at || t.step == CaseStep::kClosed || t.step == CaseStep::kArchived) return planned;
  auto add = [&](DeadlineKind kind, long long due_at) {
    planned.push_back(
        {kind, due_at, StateOf(due_at, std::nullopt, now, settings.due_soon_days), std::nullopt});
  };
  if (t.follow_up_due_at) add(DeadlineKind::kFollowUp, *t.follow_up_due_at);
  if (t.mediation_at) {
    // A mediation stays due until a next step (any history entry) is recorded after its moment;
    // then it is done, so a held mediation never stays overdue.
    add(DeadlineKind::kMediation, *t.mediation_at);
    if (t.mediation_followed_at) {
      planned.back().met_at = t.mediation_followed_at;
      planned.back().state = DeadlineState::kMet;
    }
  }
  return planned;
}

}  // namespace

std::optional<long long> FollowUpDueAt(std::string_view code, std::string_view detail) {
  if (code != kFollowUpSet) return std::nullopt;
  auto date = ParseIsoDate(detail);
  if (!date) return std::nullopt;
  // Noon UTC is on the same Dutch calendar day (13:00 or 14:00 there).
  long long noon = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::sys_days{*date}.time_since_epoch())
                       .count() +
                   12 * 60 * 60;
  return EndOfDutchDayAfterDays(noon, 0);
}

CaseTimes CaseTimesOfTimeline(const CaseTimeline& t) {
  CaseTimes times;
  times.received_at = t.reported_at;
  times.receipt_confirmed_at = std::max(t.reported_at, t.registered_at.value_or(t.reported_at));
  times.first_contact_at = Earliest(t.first_bureau_message_at, t.first_contact_at);
  times.last_missed_appointment_at = t.last_missed_appointment_at;
  times.no_shows = t.missed_appointments;
  times.reporter_heard_at = Latest(t.last_reporter_message_at, t.last_reporter_responded_at);
  times.letter_sent_at = t.last_letter_sent_at;
  times.reply_by = t.last_letter_reply_by;
  times.reply_received_at = t.last_reply_received_at;
  times.closed_at = t.closed_at;
  return times;
}

std::vector<Deadline> TimelineDeadlines(const CaseTimeline& timeline,
                                        const DeadlineSettings& settings, long long now) {
  std::vector<Deadline> deadlines;
  if (timeline.is_complaint)
    deadlines = CaseDeadlines(CaseTimesOfTimeline(timeline), settings, now);
  for (auto& planned : PlannedDeadlines(timeline, settings, now)) deadlines.push_back(planned);
  return deadlines;
}

std::optional<long long> NextDueAt(const CaseTimeline& timeline, const DeadlineSettings& settings) {
  if (timeline.closed_at || timeline.step == CaseStep::kClosed ||
      timeline.step == CaseStep::kArchived)
    return std::nullopt;
  std::optional<long long> next;
  // Due moments and met moments do not depend on now; any time will do.
  for (const auto& deadline : TimelineDeadlines(timeline, settings, timeline.reported_at)) {
    if (!deadline.met_at) next = Earliest(next, deadline.due_at);
  }
  return next;
}

}  // namespace meldpunt
