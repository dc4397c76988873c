#include "web/cases/case_times.hpp"

#include <algorithm>

#include "domain/cases/case_action.hpp"
#include "domain/cases/letter_event.hpp"
#include "store/case_due.hpp"
#include "store/case_list_store.hpp"
#include "store/case_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/store_types.hpp"

namespace meldpunt::web {
namespace {

void First(std::optional<long long>& slot, long long at) {
  if (!slot || at < *slot) slot = at;
}

void Last(std::optional<long long>& slot, long long at) {
  if (!slot || at > *slot) slot = at;
}

}  // namespace

CaseTimeline CaseTimelineOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                            const std::vector<ThreadMessage>& messages,
                            std::optional<long long> registered_at,
                            std::optional<long long> mediation_at) {
  CaseTimeline t;
  t.report_id = report.id;
  t.reference = report.reference;
  t.reported_at = report.reported_at;
  t.registered_at = registered_at;
  t.channel = report.channel;
  t.is_complaint = report.is_complaint;
  t.step = report.step;
  t.assigned_to = report.assigned_to;
  t.closed_at = report.closed_at;
  for (const auto& message : messages) {
    if (message.author == MessageAuthor::kBureau) {
      First(t.first_bureau_message_at, message.at);
    } else {
      Last(t.last_reporter_message_at, message.at);
    }
  }
  for (const auto& event : events) {
    switch (event.kind) {
      case CaseEventKind::kContact:
        First(t.first_contact_at, event.at);
        if (event.code == "reporter_responded") Last(t.last_reporter_responded_at, event.at);
        break;
      case CaseEventKind::kMissedAppointment:
        Last(t.last_missed_appointment_at, event.at);
        ++t.missed_appointments;
        break;
      case CaseEventKind::kLetterSent:
        if (!t.last_letter_sent_at || event.at >= *t.last_letter_sent_at) {
          auto detail = ParseLetterSentDetail(event.detail);
          t.last_letter_reply_by = detail ? std::optional(detail->reply_by) : std::nullopt;
        }
        Last(t.last_letter_sent_at, event.at);
        break;
      case CaseEventKind::kAction:
        if (event.code == ActionCode(ActionKind::kLetterToOtherParty)) {
          // A letter recorded as an action names no reply date: the bureau's term applies.
          if (!t.last_letter_sent_at || event.at > *t.last_letter_sent_at)
            t.last_letter_reply_by.reset();
          Last(t.last_letter_sent_at, event.at);
        }
        break;
      case CaseEventKind::kReplyReceived:
        Last(t.last_reply_received_at, event.at);
        break;
      case CaseEventKind::kFollowUp:
        // Events come oldest first: the last one says whether a follow-up date is open.
        t.follow_up_due_at = FollowUpDueAt(event.code, event.detail);
        break;
      default:
        break;
    }
  }
  t.mediation_at = mediation_at;
  if (mediation_at) {
    for (const auto& event : events) {
      if (event.at > *mediation_at) First(t.mediation_followed_at, event.at);
    }
  }
  return t;
}

CaseTimes CaseTimesOf(const CaseTimeline& t) { return CaseTimesOfTimeline(t); }

CaseTimes CaseTimesOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                      const std::vector<ThreadMessage>& messages) {
  return CaseTimesOf(CaseTimelineOf(report, events, messages));
}

std::vector<Deadline> DeadlinesOf(const CaseTimeline& timeline, const DeadlineSettings& settings,
                                  long long now) {
  return TimelineDeadlines(timeline, settings, now);
}

}  // namespace meldpunt::web
