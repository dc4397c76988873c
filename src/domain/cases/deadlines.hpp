#pragma once
// The norms a case is held to (termijnen), as settings with the values of published regional
// protocols as defaults, and the deadlines they give one case: what is due when, and whether it
// is ok, due soon, overdue or met. Pure functions: the time is always a parameter (Unix
// seconds), so the coordinator's overview and the tests see the same answers.
//
// Choices:
// - A term in days or months ends at the end of a Dutch calendar day (23:59:59 in Amsterdam):
//   "contact within 2 weeks" of a report received on 1 April at 10:00 is met until 15 April at
//   23:59:59. Staff think in dates, and summer time then never moves a deadline by an hour.
// - "Receipt confirmed at once" is a term of 0 days: by the end of the day of receipt. A web
//   report is confirmed on the spot; one by post or phone on the day it is registered.
// - First contact counts for anonymous reporters too: the bureau's first message in the
//   follow-up thread (opened with the receipt code) meets it.
// - Silence after a missed appointment and more than the allowed no-shows are deadlines to
//   close the case: overdue means "close it now", which staff do with the outcome no_contact.
//   Silence is met when the reporter was heard from after the missed appointment.
// - Once a case is closed, deadlines not met no longer apply and are left out; met ones stay,
//   for the record of how the norms were kept.
// - The age of an incident (a bureau may limit itself to incidents at most a year old) and the
//   window for a complaint about how a case was handled are not work on the case, so they are
//   separate functions, not entries in the list: the first is a warning at intake, never a
//   refusal; the second is a window for the reporter.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt {

struct DeadlineSettings {
  int receipt_confirmation_days = 0;   // ontvangstbevestiging: at once, on the day itself
  int first_contact_days = 14;         // eerste contact met de melder binnen 2 weken
  int silence_after_missed_days = 14;  // no reply within 2 weeks after a missed appointment
  int max_no_shows = 2;                // close after more no-shows (niet verschenen) than this
  int max_incident_age_days = 365;     // older incidents get a warning; 0: no limit
  int handling_complaint_months = 3;   // klacht over de behandeling, after closing
  int other_party_reply_days = 14;     // reactietermijn for the other party after a letter
  int due_soon_days = 3;               // how long before its end a deadline shows as due soon
};

// The names of the settings outside their sensible range, for the administrator's form:
// receipt confirmation 0-14 days, first contact, silence and reply 1-90 days, no-shows 0-10,
// incident age 0-3650 days, handling complaints 1-24 months, due soon 0-30 days.
std::vector<std::string_view> InvalidDeadlineSettings(const DeadlineSettings& settings);

enum class DeadlineKind {
  kReceiptConfirmation,  // ontvangstbevestiging
  kFirstContact,         // eerste contact
  kReporterSilence,      // close: no reply after a missed appointment
  kNoShows,              // close: too many no-shows
  kOtherPartyReply,      // the other party's reply to a letter (hoor en wederhoor)
  // Planned by staff on the case, not a norm (store/case_due.hpp adds it; CaseDeadlines never
  // does): a follow-up date (opvolgdatum, issue 14) and a planned mediation (bemiddeling).
  kFollowUp,
  kMediation,
};
inline constexpr DeadlineKind kAllDeadlineKinds[] = {
    DeadlineKind::kReceiptConfirmation, DeadlineKind::kFirstContact, DeadlineKind::kReporterSilence,
    DeadlineKind::kNoShows, DeadlineKind::kOtherPartyReply};
// receipt_confirmation, first_contact, reporter_silence, no_shows, other_party_reply, follow_up,
// mediation.
std::string_view DeadlineKindCode(DeadlineKind kind);

enum class DeadlineState {
  kOk,       // not yet due
  kDueSoon,  // ends within settings.due_soon_days
  kOverdue,  // ended, not met
  kMet,      // done (perhaps late: compare met_at with due_at)
};
// ok, due_soon, overdue, met.
std::string_view DeadlineStateCode(DeadlineState state);

// The moments of a case the norms look at, as the case's events record them.
struct CaseTimes {
  long long received_at = 0;
  std::optional<long long> receipt_confirmed_at = {};
  std::optional<long long> first_contact_at = {};
  std::optional<long long> last_missed_appointment_at = {};
  int no_shows = 0;                                 // appointments the reporter missed
  std::optional<long long> reporter_heard_at = {};  // the last time the reporter responded
  std::optional<long long> letter_sent_at = {};     // the last letter to the other party
  std::optional<Date> reply_by = {};  // the reply date that letter asked for, when it named one
  std::optional<long long> reply_received_at = {};  // the other party's last reply
  std::optional<long long> closed_at = {};
};

struct Deadline {
  DeadlineKind kind;
  long long due_at;  // the last second that is still in time
  DeadlineState state;
  std::optional<long long> met_at;
};

// The deadlines of one case at `now`, in the order of kAllDeadlineKinds. Receipt confirmation
// and first contact always; reporter silence after a missed appointment; no-shows once there
// are more than allowed (due at the last one); the other party's reply after a letter.
std::vector<Deadline> CaseDeadlines(const CaseTimes& times, const DeadlineSettings& settings,
                                    long long now);

// met when met_at is set, else overdue after due_at, due soon from due_soon_days before it,
// else ok.
DeadlineState StateOf(long long due_at, std::optional<long long> met_at, long long now,
                      int due_soon_days);

// The last second of the Dutch calendar day `days` days, or `months` months, after the day of
// `from`. Months keep the day of the month, or take the month's last day when it has no such
// day (31 March plus 3 months: 30 June).
long long EndOfDutchDayAfterDays(long long from, int days);
long long EndOfDutchDayAfterMonths(long long from, int months);

// Whether an incident is older than the bureau's limit on the day it was reported: a warning
// for staff, never a reason to refuse the report. An incident known only by month or year
// counts from the last day it may have happened.
bool IncidentOlderThanLimit(const IncidentDate& incident, Date reported_on,
                            const DeadlineSettings& settings);

// Until when the reporter may complain about how a closed case was handled, and whether a
// complaint made at complaint_at is in time.
long long HandlingComplaintUntil(long long closed_at, const DeadlineSettings& settings);
bool HandlingComplaintInTime(long long closed_at, long long complaint_at,
                             const DeadlineSettings& settings);

}  // namespace meldpunt
