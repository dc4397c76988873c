#include "domain/cases/deadlines.hpp"

#include <algorithm>
#include <chrono>

#include "domain/dutch_time.hpp"

namespace meldpunt {
namespace {

using namespace std::chrono;

constexpr long long kSecondsPerDay = 24 * 60 * 60;

// The Dutch calendar day a Unix time falls on.
sys_days DutchDay(long long unix_seconds) {
  return floor<days>(sys_seconds{seconds{unix_seconds + DutchUtcOffsetSeconds(unix_seconds)}});
}

// The Unix time at which a Dutch calendar day begins. Summer time switches at 02:00 or 03:00
// local time, never at midnight, so the offset an hour before midnight UTC-wise is the right one.
long long StartOfDutchDay(sys_days day) {
  long long local = duration_cast<seconds>(day.time_since_epoch()).count();
  return local - DutchUtcOffsetSeconds(local - 3600);
}

long long EndOfDutchDay(sys_days day) { return StartOfDutchDay(day + days{1}) - 1; }

bool InRange(int value, int low, int high) { return value >= low && value <= high; }

}  // namespace

std::vector<std::string_view> InvalidDeadlineSettings(const DeadlineSettings& s) {
  std::vector<std::string_view> invalid;
  if (!InRange(s.receipt_confirmation_days, 0, 14)) invalid.push_back("receipt_confirmation_days");
  if (!InRange(s.first_contact_days, 1, 90)) invalid.push_back("first_contact_days");
  if (!InRange(s.silence_after_missed_days, 1, 90)) invalid.push_back("silence_after_missed_days");
  if (!InRange(s.max_no_shows, 0, 10)) invalid.push_back("max_no_shows");
  if (!InRange(s.max_incident_age_days, 0, 3650)) invalid.push_back("max_incident_age_days");
  if (!InRange(s.handling_complaint_months, 1, 24)) invalid.push_back("handling_complaint_months");
  if (!InRange(s.other_party_reply_days, 1, 90)) invalid.push_back("other_party_reply_days");
  if (!InRange(s.due_soon_days, 0, 30)) invalid.push_back("due_soon_days");
  return invalid;
}

std::string_view DeadlineKindCode(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::kReceiptConfirmation:
      return "receipt_confirmation";
    case DeadlineKind::kFirstContact:
      return "first_contact";
    case DeadlineKind::kReporterSilence:
      return "reporter_silence";
    case DeadlineKind::kNoShows:
      return "no_shows";
    case DeadlineKind::kOtherPartyReply:
      return "other_party_reply";
    case DeadlineKind::kFollowUp:
      return "follow_up";
    case DeadlineKind::kMediation:
      return "mediation";
  }
  return "first_contact";
}

std::string_view DeadlineStateCode(DeadlineState state) {
  switch (state) {
    case DeadlineState::kOk:
      return "ok";
    case DeadlineState::kDueSoon:
      return "due_soon";
    case DeadlineState::kOverdue:
      return "overdue";
    case DeadlineState::kMet:
      return "met";
  }
  return "ok";
}

DeadlineState StateOf(long long due_at, std::optional<long long> met_at, long long now,
                      int due_soon_days) {
  if (met_at) return DeadlineState::kMet;
  if (now > due_at) return DeadlineState::kOverdue;
  if (now > due_at - due_soon_days * kSecondsPerDay) return DeadlineState::kDueSoon;
  return DeadlineState::kOk;
}

long long EndOfDutchDayAfterDays(long long from, int days_after) {
  return EndOfDutchDay(DutchDay(from) + days{days_after});
}

long long EndOfDutchDayAfterMonths(long long from, int months_after) {
  year_month_day start{DutchDay(from)};
  year_month target = year_month{start.year(), start.month()} + months{months_after};
  day last_day = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
  return EndOfDutchDay(sys_days{target / std::min(start.day(), last_day)});
}

std::vector<Deadline> CaseDeadlines(const CaseTimes& times, const DeadlineSettings& settings,
                                    long long now) {
  std::vector<Deadline> deadlines;
  auto add = [&](DeadlineKind kind, long long due_at, std::optional<long long> met_at) {
    if (times.closed_at && !met_at) return;  // no longer work once the case is closed
    deadlines.push_back(
        {kind, due_at, StateOf(due_at, met_at, now, settings.due_soon_days), met_at});
  };
  add(DeadlineKind::kReceiptConfirmation,
      EndOfDutchDayAfterDays(times.received_at, settings.receipt_confirmation_days),
      times.receipt_confirmed_at);
  add(DeadlineKind::kFirstContact,
      EndOfDutchDayAfterDays(times.received_at, settings.first_contact_days),
      times.first_contact_at);
  if (times.last_missed_appointment_at) {
    long long missed = *times.last_missed_appointment_at;
    std::optional<long long> heard;
    if (times.reporter_heard_at && *times.reporter_heard_at > missed)
      heard = times.reporter_heard_at;
    add(DeadlineKind::kReporterSilence,
        EndOfDutchDayAfterDays(missed, settings.silence_after_missed_days), heard);
  }
  if (times.no_shows > settings.max_no_shows) {
    add(DeadlineKind::kNoShows, times.last_missed_appointment_at.value_or(times.received_at),
        std::nullopt);
  }
  if (times.letter_sent_at) {
    long long sent = *times.letter_sent_at;
    std::optional<long long> reply;
    if (times.reply_received_at && *times.reply_received_at >= sent)
      reply = times.reply_received_at;
    // The date the letter itself asked for, else the bureau's term after sending.
    long long due = times.reply_by ? EndOfDutchDay(sys_days{*times.reply_by})
                                   : EndOfDutchDayAfterDays(sent, settings.other_party_reply_days);
    add(DeadlineKind::kOtherPartyReply, due, reply);
  }
  return deadlines;
}

bool IncidentOlderThanLimit(const IncidentDate& incident, Date reported_on,
                            const DeadlineSettings& settings) {
  if (settings.max_incident_age_days <= 0) return false;
  Date latest = incident.date;
  if (incident.precision == DatePrecision::kMonth) {
    latest = year_month_day_last{incident.date.year(), month_day_last{incident.date.month()}};
  } else if (incident.precision == DatePrecision::kYear) {
    latest = incident.date.year() / December / 31;
  }
  auto age = sys_days{reported_on} - sys_days{latest};
  return age.count() > settings.max_incident_age_days;
}

long long HandlingComplaintUntil(long long closed_at, const DeadlineSettings& settings) {
  return EndOfDutchDayAfterMonths(closed_at, settings.handling_complaint_months);
}

bool HandlingComplaintInTime(long long closed_at, long long complaint_at,
                             const DeadlineSettings& settings) {
  return complaint_at <= HandlingComplaintUntil(closed_at, settings);
}

}  // namespace meldpunt
