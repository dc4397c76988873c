// The rule that turns a case's history into its deadlines, and the work list built from it.
#include "web/cases/case_times.hpp"

#include <gtest/gtest.h>

#include "domain/cases/handling.hpp"
#include "domain/dutch_time.hpp"
#include "store/case_list_store.hpp"
#include "store/case_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_labels.hpp"
#include "web/worklists/deadline_list.hpp"

namespace meldpunt::web {
namespace {

constexpr long long kDay = 86'400;
// 2027-01-15 08:00 UTC (09:00 in Amsterdam).
constexpr long long kT0 = 1'800'000'000;

CaseTimeline OpenComplaint(long long id, long long reported_at) {
  CaseTimeline t;
  t.report_id = id;
  t.reference = "MP-2027-" + std::to_string(id);
  t.reported_at = reported_at;
  t.channel = "web";
  t.is_complaint = true;
  return t;
}

TEST(CaseTimes, ReceiptAtRegistrationFirstContactByMessageOrContact) {
  CaseTimeline t = OpenComplaint(1, kT0);
  t.channel = "phone";
  EXPECT_EQ(CaseTimesOf(t).receipt_confirmed_at, kT0) << "confirmed when registered";
  EXPECT_EQ(CaseTimesOf(t).first_contact_at, std::nullopt);
  t.first_contact_at = kT0 + 50;
  t.first_bureau_message_at = kT0 + 40;
  EXPECT_EQ(CaseTimesOf(t).first_contact_at, kT0 + 40) << "the earlier of message and contact";
}

TEST(CaseTimes, TheReporterIsHeardByMessageOrResponse) {
  CaseTimeline t = OpenComplaint(1, kT0);
  t.last_reporter_message_at = kT0 + 10;
  t.last_reporter_responded_at = kT0 + 20;
  t.last_missed_appointment_at = kT0 + 5;
  t.missed_appointments = 3;
  t.last_letter_sent_at = kT0 + 30;
  t.last_reply_received_at = kT0 + 40;
  CaseTimes times = CaseTimesOf(t);
  EXPECT_EQ(times.reporter_heard_at, kT0 + 20);
  EXPECT_EQ(times.no_shows, 3);
  EXPECT_EQ(times.last_missed_appointment_at, kT0 + 5);
  EXPECT_EQ(times.letter_sent_at, kT0 + 30);
  EXPECT_EQ(times.reply_received_at, kT0 + 40);
}

TEST(CaseTimes, FromOneCaseHistory) {
  RegisteredReport report;
  report.id = 7;
  report.reference = "MP-2027-000007";
  report.reported_at = kT0;
  report.channel = "web";
  report.is_complaint = true;
  std::vector<ThreadMessage> messages = {
      {1, kT0 + 10, MessageAuthor::kReporter, "", "vraag"},
      {2, kT0 + 20, MessageAuthor::kBureau, "h@example.nl", "antwoord"},
      {3, kT0 + 30, MessageAuthor::kBureau, "h@example.nl", "nog een"},
  };
  std::vector<CaseEvent> events(5);
  events[0].kind = CaseEventKind::kMissedAppointment;
  events[0].at = kT0 + 40;
  events[1].kind = CaseEventKind::kContact;
  events[1].code = "bureau_contacted";
  events[1].at = kT0 + 50;
  events[2].kind = CaseEventKind::kNote;
  events[2].at = kT0 + 60;
  events[3].kind = CaseEventKind::kAction;
  events[3].code = "letter_to_other_party";
  events[3].at = kT0 + 70;
  events[4].kind = CaseEventKind::kAction;
  events[4].code = "listening_ear";
  events[4].at = kT0 + 80;
  CaseTimeline t = CaseTimelineOf(report, events, messages);
  EXPECT_EQ(t.first_bureau_message_at, kT0 + 20);
  EXPECT_EQ(t.last_reporter_message_at, kT0 + 10);
  EXPECT_EQ(t.first_contact_at, kT0 + 50);
  EXPECT_EQ(t.missed_appointments, 1);
  EXPECT_EQ(t.last_reporter_responded_at, std::nullopt) << "the bureau reached the reporter";
  EXPECT_EQ(t.last_letter_sent_at, kT0 + 70) << "the letter action counts as a letter sent";
  CaseTimes times = CaseTimesOf(report, events, messages);
  EXPECT_EQ(times.first_contact_at, kT0 + 20);
  EXPECT_EQ(times.reporter_heard_at, kT0 + 10);
  EXPECT_EQ(times.letter_sent_at, kT0 + 70);
}

TEST(CaseTimes, OnlyComplaintsHaveDeadlines) {
  CaseTimeline t = OpenComplaint(1, kT0);
  EXPECT_EQ(DeadlinesOf(t, DeadlineSettings{}, kT0 + 20 * kDay).size(), 2u);
  t.is_complaint = false;
  EXPECT_TRUE(DeadlinesOf(t, DeadlineSettings{}, kT0 + 20 * kDay).empty());
}

TEST(DeadlineList, FirstContactIsDueSoonThenOverdueThenGone) {
  std::vector<CaseTimeline> cases = {OpenComplaint(1, kT0)};
  DeadlineSettings settings;
  // First contact: until the end of the Dutch day 14 days later (2027-01-29); due soon from
  // 3 days before.
  EXPECT_TRUE(OverdueAndDueSoon(cases, settings, kT0 + 10 * kDay).rows.empty());
  auto soon = OverdueAndDueSoon(cases, settings, kT0 + 13 * kDay);
  ASSERT_EQ(soon.rows.size(), 1u);
  EXPECT_EQ(soon.rows[0].kind, DeadlineKind::kFirstContact);
  EXPECT_EQ(soon.rows[0].state, DeadlineState::kDueSoon);
  EXPECT_EQ(FormatDutchDate(soon.rows[0].due_at), "2027-01-29");
  EXPECT_EQ(soon.due_soon, 1);
  EXPECT_EQ(soon.overdue, 0);
  auto late = OverdueAndDueSoon(cases, settings, kT0 + 15 * kDay);
  ASSERT_EQ(late.rows.size(), 1u);
  EXPECT_EQ(late.rows[0].state, DeadlineState::kOverdue);
  EXPECT_EQ(late.overdue, 1);
  cases[0].first_bureau_message_at = kT0 + 15 * kDay;
  EXPECT_TRUE(OverdueAndDueSoon(cases, settings, kT0 + 15 * kDay).rows.empty());
}

TEST(DeadlineList, TheMostOverdueComesFirst) {
  std::vector<CaseTimeline> cases = {OpenComplaint(1, kT0 + 2 * kDay), OpenComplaint(2, kT0),
                                     OpenComplaint(3, kT0 + 10 * kDay)};
  cases[2].last_missed_appointment_at = kT0 + 10 * kDay;  // silence: due 14 days later
  cases[2].first_bureau_message_at = kT0 + 10 * kDay;
  auto list = OverdueAndDueSoon(cases, DeadlineSettings{}, kT0 + 22 * kDay);
  ASSERT_EQ(list.rows.size(), 3u);
  EXPECT_EQ(list.rows[0].report_id, 2);
  EXPECT_EQ(list.rows[1].report_id, 1);
  EXPECT_EQ(list.rows[2].report_id, 3);
  EXPECT_EQ(list.rows[2].kind, DeadlineKind::kReporterSilence);
  EXPECT_EQ(list.rows[2].state, DeadlineState::kDueSoon);
  EXPECT_EQ(list.overdue, 2);
  EXPECT_EQ(list.due_soon, 1);
}

TEST(CaseLabels, EveryCodeHasALabel) {
  auto has = [](std::span<const CodeLabel> labels, std::string_view code) {
    for (const auto& entry : labels) {
      if (entry.code == code) return true;
    }
    return false;
  };
  for (CaseStep step : kAllSteps) EXPECT_TRUE(has(StepLabels(), StepCode(step)));
  for (auto handling : kHandlings) EXPECT_TRUE(has(HandlingLabels(), handling));
  for (DeadlineKind kind : kAllDeadlineKinds)
    EXPECT_TRUE(has(DeadlineLabels(), DeadlineKindCode(kind)));
  for (auto state :
       {DeadlineState::kOk, DeadlineState::kDueSoon, DeadlineState::kOverdue, DeadlineState::kMet})
    EXPECT_TRUE(has(DeadlineStateLabels(), DeadlineStateCode(state)));
}

}  // namespace
}  // namespace meldpunt::web
