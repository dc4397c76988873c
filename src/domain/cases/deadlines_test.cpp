#include "domain/cases/deadlines.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "domain/dutch_time.hpp"

namespace meldpunt {
namespace {

constexpr long long kDay = 24 * 3600;

// Unix seconds of a UTC time, for readable tests.
long long Utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  namespace chrono = std::chrono;
  chrono::sys_days date{chrono::year{y} / chrono::month{mo} / chrono::day{d}};
  return chrono::duration_cast<chrono::seconds>(date.time_since_epoch()).count() + h * 3600 +
         mi * 60 + s;
}

Date Day(const char* iso) { return *ParseIsoDate(iso); }

const DeadlineSettings kDefaults;

// Received on Wednesday 1 April 2026 at 12:00 Dutch time (10:00 UTC, summer time).
const long long kReceived = Utc(2026, 4, 1, 10, 0);

std::vector<DeadlineKind> Kinds(const std::vector<Deadline>& deadlines) {
  std::vector<DeadlineKind> kinds;
  for (const Deadline& d : deadlines) kinds.push_back(d.kind);
  return kinds;
}

// By value: callers often pass the temporary result of CaseDeadlines.
std::optional<Deadline> Find(const std::vector<Deadline>& deadlines, DeadlineKind kind) {
  for (const Deadline& d : deadlines) {
    if (d.kind == kind) return d;
  }
  return std::nullopt;
}

TEST(DeadlineSettings, DefaultsAreThePublishedNorms) {
  EXPECT_EQ(kDefaults.receipt_confirmation_days, 0);
  EXPECT_EQ(kDefaults.first_contact_days, 14);
  EXPECT_EQ(kDefaults.silence_after_missed_days, 14);
  EXPECT_EQ(kDefaults.max_no_shows, 2);
  EXPECT_EQ(kDefaults.max_incident_age_days, 365);
  EXPECT_EQ(kDefaults.handling_complaint_months, 3);
  EXPECT_EQ(kDefaults.other_party_reply_days, 14);
  EXPECT_EQ(kDefaults.due_soon_days, 3);
  EXPECT_TRUE(InvalidDeadlineSettings(kDefaults).empty());
}

TEST(DeadlineSettings, OutOfRangeValuesAreNamed) {
  DeadlineSettings s;
  s.receipt_confirmation_days = -1;
  s.first_contact_days = 0;
  s.max_no_shows = 11;
  s.handling_complaint_months = 0;
  s.due_soon_days = 31;
  EXPECT_EQ(InvalidDeadlineSettings(s),
            (std::vector<std::string_view>{"receipt_confirmation_days", "first_contact_days",
                                           "max_no_shows", "handling_complaint_months",
                                           "due_soon_days"}));
  DeadlineSettings edges;
  edges.max_incident_age_days = 0;  // no limit
  edges.max_no_shows = 0;
  edges.due_soon_days = 0;
  edges.other_party_reply_days = 90;
  EXPECT_TRUE(InvalidDeadlineSettings(edges).empty());
  edges.silence_after_missed_days = 91;
  edges.max_incident_age_days = 3651;
  EXPECT_EQ(InvalidDeadlineSettings(edges),
            (std::vector<std::string_view>{"silence_after_missed_days", "max_incident_age_days"}));
}

TEST(DeadlineCodes, AreStable) {
  EXPECT_EQ(DeadlineKindCode(DeadlineKind::kReceiptConfirmation), "receipt_confirmation");
  EXPECT_EQ(DeadlineKindCode(DeadlineKind::kFirstContact), "first_contact");
  EXPECT_EQ(DeadlineKindCode(DeadlineKind::kReporterSilence), "reporter_silence");
  EXPECT_EQ(DeadlineKindCode(DeadlineKind::kNoShows), "no_shows");
  EXPECT_EQ(DeadlineKindCode(DeadlineKind::kOtherPartyReply), "other_party_reply");
  EXPECT_EQ(DeadlineStateCode(DeadlineState::kOk), "ok");
  EXPECT_EQ(DeadlineStateCode(DeadlineState::kDueSoon), "due_soon");
  EXPECT_EQ(DeadlineStateCode(DeadlineState::kOverdue), "overdue");
  EXPECT_EQ(DeadlineStateCode(DeadlineState::kMet), "met");
}

TEST(EndOfDutchDay, DaysEndAtMidnightInAmsterdam) {
  // Summer: 23:59:59 Dutch time is 21:59:59 UTC.
  EXPECT_EQ(EndOfDutchDayAfterDays(kReceived, 0), Utc(2026, 4, 1, 21, 59, 59));
  EXPECT_EQ(EndOfDutchDayAfterDays(kReceived, 14), Utc(2026, 4, 15, 21, 59, 59));
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterDays(kReceived, 14)), "2026-04-15 23:59");
  // Winter: 22:59:59 UTC.
  EXPECT_EQ(EndOfDutchDayAfterDays(Utc(2026, 1, 10, 9, 0), 1), Utc(2026, 1, 11, 22, 59, 59));
}

TEST(EndOfDutchDay, TheDutchDateCountsNotTheUtcOne) {
  // 00:30 Dutch time on 2 April is still 1 April in UTC.
  long long just_after_midnight = Utc(2026, 4, 1, 22, 30);
  EXPECT_EQ(EndOfDutchDayAfterDays(just_after_midnight, 0), Utc(2026, 4, 2, 21, 59, 59));
  // 23:30 Dutch time on 31 December in winter is 22:30 UTC the same day.
  EXPECT_EQ(EndOfDutchDayAfterDays(Utc(2026, 12, 31, 22, 30), 0), Utc(2026, 12, 31, 22, 59, 59));
}

TEST(EndOfDutchDay, SummerTimeDoesNotMoveADeadline) {
  // From winter into summer (29 March 2026) and back (25 October 2026).
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterDays(Utc(2026, 3, 20, 12, 0), 14)),
            "2026-04-03 23:59");
  EXPECT_EQ(EndOfDutchDayAfterDays(Utc(2026, 3, 20, 12, 0), 14), Utc(2026, 4, 3, 21, 59, 59));
  EXPECT_EQ(EndOfDutchDayAfterDays(Utc(2026, 10, 20, 12, 0), 14), Utc(2026, 11, 3, 22, 59, 59));
  // The switching days themselves are 23 and 25 hours long.
  EXPECT_EQ(EndOfDutchDayAfterDays(Utc(2026, 3, 29, 12, 0), 0) -
                EndOfDutchDayAfterDays(Utc(2026, 3, 28, 12, 0), 0),
            23 * 3600);
  EXPECT_EQ(EndOfDutchDayAfterDays(Utc(2026, 10, 25, 12, 0), 0) -
                EndOfDutchDayAfterDays(Utc(2026, 10, 24, 12, 0), 0),
            25 * 3600);
}

TEST(EndOfDutchDay, MonthsKeepTheDayOrTakeTheLastOne) {
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterMonths(Utc(2026, 1, 15, 12), 3)),
            "2026-04-15 23:59");
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterMonths(Utc(2026, 3, 31, 12), 3)),
            "2026-06-30 23:59");
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterMonths(Utc(2025, 11, 30, 12), 3)),
            "2026-02-28 23:59");
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterMonths(Utc(2027, 11, 30, 12), 3)),
            "2028-02-29 23:59")
      << "leap year";
  EXPECT_EQ(FormatDutchDateTime(EndOfDutchDayAfterMonths(Utc(2026, 10, 31, 12), 14)),
            "2027-12-31 23:59");
}

TEST(StateOf, OkThenDueSoonThenOverdueUnlessMet) {
  long long due = Utc(2026, 4, 15, 21, 59, 59);
  EXPECT_EQ(StateOf(due, std::nullopt, due - 3 * kDay, 3), DeadlineState::kOk);
  EXPECT_EQ(StateOf(due, std::nullopt, due - 3 * kDay + 1, 3), DeadlineState::kDueSoon);
  EXPECT_EQ(StateOf(due, std::nullopt, due, 3), DeadlineState::kDueSoon) << "the last second";
  EXPECT_EQ(StateOf(due, std::nullopt, due + 1, 3), DeadlineState::kOverdue);
  EXPECT_EQ(StateOf(due, due + 100 * kDay, due + 200 * kDay, 3), DeadlineState::kMet)
      << "met late is still met";
  EXPECT_EQ(StateOf(due, std::nullopt, due - 1, 0), DeadlineState::kOk) << "no warning window";
}

TEST(CaseDeadlines, AFreshCaseHasReceiptAndFirstContact) {
  CaseTimes times{.received_at = kReceived};
  auto deadlines = CaseDeadlines(times, kDefaults, kReceived);
  ASSERT_EQ(Kinds(deadlines), (std::vector<DeadlineKind>{DeadlineKind::kReceiptConfirmation,
                                                         DeadlineKind::kFirstContact}));
  EXPECT_EQ(deadlines[0].due_at, Utc(2026, 4, 1, 21, 59, 59)) << "at once: the same day";
  EXPECT_EQ(deadlines[0].state, DeadlineState::kDueSoon);
  EXPECT_EQ(deadlines[1].due_at, Utc(2026, 4, 15, 21, 59, 59));
  EXPECT_EQ(deadlines[1].state, DeadlineState::kOk);
  EXPECT_FALSE(deadlines[1].met_at);
}

TEST(CaseDeadlines, ReceiptConfirmedAtOnceIsMet) {
  CaseTimes times{.received_at = kReceived, .receipt_confirmed_at = kReceived};
  auto deadlines = CaseDeadlines(times, kDefaults, kReceived + 5 * kDay);
  EXPECT_EQ(deadlines[0].state, DeadlineState::kMet);
  EXPECT_EQ(deadlines[0].met_at, kReceived);
  // Not confirmed by the end of the day: overdue from the next morning.
  times.receipt_confirmed_at.reset();
  EXPECT_EQ(CaseDeadlines(times, kDefaults, Utc(2026, 4, 1, 22, 0))[0].state,
            DeadlineState::kOverdue);
}

TEST(CaseDeadlines, FirstContactWithinTwoWeeks) {
  CaseTimes times{.received_at = kReceived, .receipt_confirmed_at = kReceived};
  auto at = [&](long long now) {
    return Find(CaseDeadlines(times, kDefaults, now), DeadlineKind::kFirstContact)->state;
  };
  EXPECT_EQ(at(Utc(2026, 4, 12, 12)), DeadlineState::kOk);
  EXPECT_EQ(at(Utc(2026, 4, 13, 12)), DeadlineState::kDueSoon);
  EXPECT_EQ(at(Utc(2026, 4, 15, 21, 59, 59)), DeadlineState::kDueSoon);
  EXPECT_EQ(at(Utc(2026, 4, 15, 22, 0, 0)), DeadlineState::kOverdue);
  times.first_contact_at = Utc(2026, 4, 20);
  EXPECT_EQ(at(Utc(2026, 4, 21)), DeadlineState::kMet);
  auto deadlines = CaseDeadlines(times, kDefaults, Utc(2026, 4, 21));
  std::optional<Deadline> contact = Find(deadlines, DeadlineKind::kFirstContact);
  EXPECT_GT(*contact->met_at, contact->due_at) << "met late can be told from met_at";
}

TEST(CaseDeadlines, SettingsChangeTheTerms) {
  DeadlineSettings s;
  s.first_contact_days = 7;
  s.receipt_confirmation_days = 2;
  CaseTimes times{.received_at = kReceived};
  auto deadlines = CaseDeadlines(times, s, kReceived);
  EXPECT_EQ(deadlines[0].due_at, Utc(2026, 4, 3, 21, 59, 59));
  EXPECT_EQ(deadlines[1].due_at, Utc(2026, 4, 8, 21, 59, 59));
}

TEST(CaseDeadlines, SilenceAfterAMissedAppointmentClosesTheCase) {
  long long missed = Utc(2026, 4, 10, 8, 0);  // Friday 10 April, 10:00
  CaseTimes times{.received_at = kReceived,
                  .receipt_confirmed_at = kReceived,
                  .first_contact_at = kReceived + kDay,
                  .last_missed_appointment_at = missed,
                  .no_shows = 1};
  auto deadlines = CaseDeadlines(times, kDefaults, Utc(2026, 4, 25));
  std::optional<Deadline> silence = Find(deadlines, DeadlineKind::kReporterSilence);
  ASSERT_TRUE(silence);
  EXPECT_EQ(silence->due_at, Utc(2026, 4, 24, 21, 59, 59));
  EXPECT_EQ(silence->state, DeadlineState::kOverdue) << "close the case now";
  EXPECT_FALSE(Find(deadlines, DeadlineKind::kNoShows)) << "one no-show is allowed";

  // Heard from before the appointment: still silent since.
  times.reporter_heard_at = missed - kDay;
  EXPECT_EQ(Find(CaseDeadlines(times, kDefaults, Utc(2026, 4, 25)), DeadlineKind::kReporterSilence)
                ->state,
            DeadlineState::kOverdue);
  // Heard from after it: met.
  times.reporter_heard_at = missed + 3 * kDay;
  silence = Find(CaseDeadlines(times, kDefaults, Utc(2026, 4, 25)), DeadlineKind::kReporterSilence);
  EXPECT_EQ(silence->state, DeadlineState::kMet);
  EXPECT_EQ(silence->met_at, missed + 3 * kDay);
}

TEST(CaseDeadlines, MoreThanTwoNoShowsClosesTheCase) {
  long long third = Utc(2026, 5, 4, 9, 0);
  CaseTimes times{.received_at = kReceived,
                  .receipt_confirmed_at = kReceived,
                  .first_contact_at = kReceived,
                  .last_missed_appointment_at = third,
                  .no_shows = 2,
                  .reporter_heard_at = third + 3600};
  EXPECT_FALSE(Find(CaseDeadlines(times, kDefaults, third + 3600), DeadlineKind::kNoShows))
      << "two no-shows are allowed";
  times.no_shows = 3;
  auto deadlines = CaseDeadlines(times, kDefaults, third + 3600);
  std::optional<Deadline> no_shows = Find(deadlines, DeadlineKind::kNoShows);
  ASSERT_TRUE(no_shows);
  EXPECT_EQ(no_shows->due_at, third);
  EXPECT_EQ(no_shows->state, DeadlineState::kOverdue);
  EXPECT_FALSE(no_shows->met_at) << "answering afterwards does not undo three no-shows";
  EXPECT_EQ(Find(deadlines, DeadlineKind::kReporterSilence)->state, DeadlineState::kMet);

  DeadlineSettings strict;
  strict.max_no_shows = 0;
  times.no_shows = 1;
  EXPECT_TRUE(Find(CaseDeadlines(times, strict, third + 3600), DeadlineKind::kNoShows));
}

TEST(CaseDeadlines, NoShowsWithoutADateCountFromReceipt) {
  CaseTimes times{.received_at = kReceived, .no_shows = 3};
  std::optional<Deadline> no_shows =
      Find(CaseDeadlines(times, kDefaults, kReceived + kDay), DeadlineKind::kNoShows);
  ASSERT_TRUE(no_shows);
  EXPECT_EQ(no_shows->due_at, kReceived);
  EXPECT_EQ(no_shows->state, DeadlineState::kOverdue);
}

TEST(CaseDeadlines, TheOtherPartyHasAReplyTerm) {
  long long sent = Utc(2026, 5, 1, 9, 0);
  CaseTimes times{.received_at = kReceived,
                  .receipt_confirmed_at = kReceived,
                  .first_contact_at = kReceived,
                  .letter_sent_at = sent};
  std::optional<Deadline> reply =
      Find(CaseDeadlines(times, kDefaults, sent + kDay), DeadlineKind::kOtherPartyReply);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->due_at, Utc(2026, 5, 15, 21, 59, 59));
  EXPECT_EQ(reply->state, DeadlineState::kOk);
  EXPECT_EQ(Find(CaseDeadlines(times, kDefaults, Utc(2026, 5, 16)), DeadlineKind::kOtherPartyReply)
                ->state,
            DeadlineState::kOverdue);

  // A reply to an earlier letter does not answer this one.
  times.reply_received_at = sent - kDay;
  EXPECT_EQ(Find(CaseDeadlines(times, kDefaults, Utc(2026, 5, 16)), DeadlineKind::kOtherPartyReply)
                ->state,
            DeadlineState::kOverdue);
  times.reply_received_at = Utc(2026, 5, 12);
  EXPECT_EQ(Find(CaseDeadlines(times, kDefaults, Utc(2026, 5, 16)), DeadlineKind::kOtherPartyReply)
                ->state,
            DeadlineState::kMet);

  DeadlineSettings s;
  s.other_party_reply_days = 28;
  times.reply_received_at.reset();
  EXPECT_EQ(Find(CaseDeadlines(times, s, sent), DeadlineKind::kOtherPartyReply)->due_at,
            Utc(2026, 5, 29, 21, 59, 59));

  // The date the letter itself asked for wins over the term: the end of that Dutch day.
  times.reply_by = Date{std::chrono::year{2026} / 6 / 5};
  EXPECT_EQ(Find(CaseDeadlines(times, s, sent), DeadlineKind::kOtherPartyReply)->due_at,
            Utc(2026, 6, 5, 21, 59, 59));
}

TEST(CaseDeadlines, AllKindsInListOrder) {
  CaseTimes times{.received_at = kReceived,
                  .last_missed_appointment_at = kReceived + 2 * kDay,
                  .no_shows = 3,
                  .letter_sent_at = kReceived + kDay};
  EXPECT_EQ(
      Kinds(CaseDeadlines(times, kDefaults, kReceived)),
      (std::vector<DeadlineKind>(std::begin(kAllDeadlineKinds), std::end(kAllDeadlineKinds))));
}

TEST(CaseDeadlines, AClosedCaseKeepsOnlyWhatWasMet) {
  CaseTimes times{.received_at = kReceived,
                  .receipt_confirmed_at = kReceived,
                  .last_missed_appointment_at = kReceived + 2 * kDay,
                  .no_shows = 3,
                  .letter_sent_at = kReceived + kDay,
                  .closed_at = kReceived + 30 * kDay};
  auto deadlines = CaseDeadlines(times, kDefaults, kReceived + 60 * kDay);
  ASSERT_EQ(Kinds(deadlines), (std::vector<DeadlineKind>{DeadlineKind::kReceiptConfirmation}));
  EXPECT_EQ(deadlines[0].state, DeadlineState::kMet);
}

TEST(CaseDeadlines, SameInputsGiveTheSameAnswer) {
  // The same inputs always give the same answer: no clock is read.
  CaseTimes times{.received_at = kReceived};
  auto a = CaseDeadlines(times, kDefaults, kReceived + kDay);
  auto b = CaseDeadlines(times, kDefaults, kReceived + kDay);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].due_at, b[i].due_at);
    EXPECT_EQ(a[i].state, b[i].state);
  }
}

TEST(IncidentAge, AtMostAYearOldByDefault) {
  IncidentDate day{Day("2025-04-01"), DatePrecision::kDay};
  EXPECT_FALSE(IncidentOlderThanLimit(day, Day("2026-04-01"), kDefaults)) << "365 days";
  EXPECT_TRUE(IncidentOlderThanLimit(day, Day("2026-04-02"), kDefaults)) << "366 days";
  EXPECT_FALSE(IncidentOlderThanLimit(day, Day("2025-04-01"), kDefaults));
}

TEST(IncidentAge, VagueDatesCountFromTheirLastDay) {
  // "Sometime in March 2025": it may have been on 31 March.
  IncidentDate month{Day("2025-03-01"), DatePrecision::kMonth};
  EXPECT_FALSE(IncidentOlderThanLimit(month, Day("2026-03-31"), kDefaults));
  EXPECT_TRUE(IncidentOlderThanLimit(month, Day("2026-04-01"), kDefaults));
  IncidentDate february{Day("2024-02-01"), DatePrecision::kMonth};  // leap year: 29 days
  EXPECT_FALSE(IncidentOlderThanLimit(february, Day("2025-02-28"), kDefaults));
  EXPECT_TRUE(IncidentOlderThanLimit(february, Day("2025-03-01"), kDefaults));
  // "In 2025": it may have been on 31 December.
  IncidentDate year{Day("2025-01-01"), DatePrecision::kYear};
  EXPECT_FALSE(IncidentOlderThanLimit(year, Day("2026-12-31"), kDefaults));
  EXPECT_TRUE(IncidentOlderThanLimit(year, Day("2027-01-01"), kDefaults));
}

TEST(IncidentAge, LimitIsASettingAndZeroMeansNone) {
  DeadlineSettings s;
  s.max_incident_age_days = 30;
  IncidentDate day{Day("2026-01-01"), DatePrecision::kDay};
  EXPECT_TRUE(IncidentOlderThanLimit(day, Day("2026-02-01"), s));
  s.max_incident_age_days = 0;
  EXPECT_FALSE(
      IncidentOlderThanLimit({Day("1990-01-01"), DatePrecision::kDay}, Day("2026-02-01"), s));
}

TEST(HandlingComplaint, WithinThreeMonthsOfClosing) {
  long long closed = Utc(2026, 3, 31, 13, 0);  // 15:00 Dutch time
  EXPECT_EQ(HandlingComplaintUntil(closed, kDefaults), Utc(2026, 6, 30, 21, 59, 59));
  EXPECT_TRUE(HandlingComplaintInTime(closed, closed + kDay, kDefaults));
  EXPECT_TRUE(HandlingComplaintInTime(closed, Utc(2026, 6, 30, 21, 59, 59), kDefaults));
  EXPECT_FALSE(HandlingComplaintInTime(closed, Utc(2026, 6, 30, 22, 0, 0), kDefaults));
  DeadlineSettings s;
  s.handling_complaint_months = 6;
  EXPECT_TRUE(HandlingComplaintInTime(closed, Utc(2026, 8, 1), s));
}

}  // namespace
}  // namespace meldpunt
