#include "web/case_times.hpp"

#include <algorithm>

namespace meldpunt::web {
namespace {

void KeepEarliest(std::optional<long long>& slot, long long at) {
  if (!slot || at < *slot) slot = at;
}

void KeepLatest(std::optional<long long>& slot, long long at) {
  if (!slot || at > *slot) slot = at;
}

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

}  // namespace

CaseTimeline CaseTimelineOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                            const std::vector<ThreadMessage>& messages) {
  CaseTimeline t;
  t.report_id = report.id;
  t.reference = report.reference;
  t.reported_at = report.reported_at;
  t.channel = report.channel;
  t.is_complaint = report.is_complaint;
  t.step = report.step;
  t.assigned_to = report.assigned_to;
  t.closed_at = report.closed_at;
  for (const auto& message : messages) {
    if (message.author == MessageAuthor::kBureau)
      KeepEarliest(t.first_bureau_message_at, message.at);
    if (message.author == MessageAuthor::kReporter)
      KeepLatest(t.last_reporter_message_at, message.at);
  }
  for (const auto& event : events) {
    switch (event.kind) {
      case CaseEventKind::kContact:
        KeepEarliest(t.first_contact_at, event.at);
        KeepLatest(t.last_contact_at, event.at);
        break;
      case CaseEventKind::kMissedAppointment:
        KeepLatest(t.last_missed_appointment_at, event.at);
        ++t.missed_appointments;
        break;
      case CaseEventKind::kLetterSent:
        KeepLatest(t.last_letter_sent_at, event.at);
        break;
      case CaseEventKind::kReplyReceived:
        KeepLatest(t.last_reply_received_at, event.at);
        break;
      default:
        break;
    }
  }
  return t;
}

CaseTimes CaseTimesOf(const CaseTimeline& t) {
  CaseTimes times;
  times.received_at = t.reported_at;
  std::optional<long long> contact = Earliest(t.first_bureau_message_at, t.first_contact_at);
  times.receipt_confirmed_at =
      t.channel == "web" ? std::optional<long long>(t.reported_at) : contact;
  times.first_contact_at = contact;
  times.last_missed_appointment_at = t.last_missed_appointment_at;
  times.no_shows = t.missed_appointments;
  times.reporter_heard_at = Latest(t.last_reporter_message_at, t.last_contact_at);
  times.letter_sent_at = t.last_letter_sent_at;
  times.reply_received_at = t.last_reply_received_at;
  times.closed_at = t.closed_at;
  return times;
}

CaseTimes CaseTimesOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                      const std::vector<ThreadMessage>& messages) {
  return CaseTimesOf(CaseTimelineOf(report, events, messages));
}

DeadlineSettings DeadlineSettingsFor(const AppContext& /*app*/, long long /*bureau_id*/) {
  // The bureau settings table (instellingen van het bureau) is being built separately; until it
  // is merged every bureau keeps the defaults of the published protocols.
  return DeadlineSettings{};
}

std::vector<Deadline> DeadlinesOf(const CaseTimeline& timeline, const DeadlineSettings& settings,
                                  long long now) {
  if (!timeline.is_complaint) return {};
  return CaseDeadlines(CaseTimesOf(timeline), settings, now);
}

}  // namespace meldpunt::web
