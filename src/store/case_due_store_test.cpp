// Next deadline and last activity on the report row (issue 14), on a real SQLite file: every kind
// of write that changes them updates them in its own transaction, with the same rule as the
// deadlines page (the stored moment equals NextDueAt of the timeline ListOpenCaseTimelines reads).
#include <gtest/gtest.h>

#include "domain/cases/bureau_settings.hpp"
#include "domain/cases/letter_event.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/reference.hpp"
#include "domain/reports/test_report.hpp"
#include "store/case_due.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

constexpr long long kT0 = 1'800'000'000;  // 2027-01-15, 08:00 UTC
constexpr long long kDay = 24 * 60 * 60;

class CaseDueStore : public SqliteStoreFixture {
 protected:
  CaseDueStore() : SqliteStoreFixture(KeyOf(7), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    ASSERT_TRUE(store_->AddUser({"a@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
    handler_ = store_->FindUser("a@example.nl")->id;
  }
  RegisteredReport Complaint(long long at, const std::string& incident = "GM0363") {
    Contact contact{"Fatima de Vries", "melder@example.nl", "0612345678", "email", "", ""};
    return store_->AddReport(TestReport("Geweigerd", incident, "GM0599", "", contact), at);
  }
  RegisteredReport Reread(long long id) { return *store_->GetReport(id); }
  bool Apply(long long report_id, CaseChange change, long long at) {
    change.report_id = report_id;
    change.staff_user_id = handler_;
    change.expected_version = store_->GetReport(report_id)->case_version;
    return store_->ApplyCaseChange(change, at);
  }
  static CaseChange Event(CaseEventKind kind, std::string code = "") {
    CaseChange change;
    change.kind = kind;
    change.code = std::move(code);
    return change;
  }
  // The stored next deadline is the rule's on the deadlines page's own timeline.
  void ExpectSameAsDeadlinesPage(long long report_id, long long bureau_id = 1) {
    auto timelines = store_->ListOpenCaseTimelines(bureau_id, std::nullopt);
    for (const auto& t : timelines) {
      if (t.report_id != report_id) continue;
      auto settings = BureauSettings::FromStored(store_->ReadBureauSettings(bureau_id)).Deadlines();
      EXPECT_EQ(Reread(report_id).next_due_at, NextDueAt(t, settings));
      return;
    }
    ADD_FAILURE() << "not an open case";
  }
  long long handler_ = 0;
};

TEST_F(CaseDueStore, ANewComplaintIsDueForFirstContactAndActiveWhenReceived) {
  auto report = Complaint(kT0);
  auto stored = Reread(report.id);
  // Receipt is confirmed by the web form; first contact within 14 days, to the end of the day.
  EXPECT_EQ(stored.next_due_at, EndOfDutchDayAfterDays(kT0, 14));
  EXPECT_EQ(stored.last_activity_at, kT0);
  ExpectSameAsDeadlinesPage(report.id);
}

TEST_F(CaseDueStore, ARegistrationOnlyReportHasNoNextDeadline) {
  auto report = store_->AddReport(TestReport("Alleen registratie"), kT0);
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt);
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0);
}

TEST_F(CaseDueStore, ANewReportGetsTheSameMomentsAsTheFullRule) {
  // AddReport stamps a new report from what it writes (NewCaseDueOf); the deadlines page reads
  // the timeline from the tables. A bureau's own term, and a report registered by staff days
  // after it was received: both must agree.
  store_->WriteBureauSettings(1, {{std::string(kFirstContactDays), "9"}}, kT0 - kDay);
  auto report = Complaint(kT0);
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 9));
  ExpectSameAsDeadlinesPage(report.id);

  Contact contact{"Fatima de Vries", "melder@example.nl", "0612345678", "email", "", ""};
  NewReport letter = TestReport("Per brief", "GM0363", "GM0599", "", contact);
  letter.channel = "letter";
  letter.received_at = kT0 - 3 * kDay;
  letter.registered_by = handler_;
  auto registered = store_->AddReport(letter, kT0);
  EXPECT_EQ(Reread(registered.id).last_activity_at, kT0) << "active when registered";
  ExpectSameAsDeadlinesPage(registered.id);
}

TEST_F(CaseDueStore, ClosingKeepsTheLaterActivityWithoutReadingTheTimeline) {
  // Closing (StampClosedCaseDue): no deadline, and the last activity is the later of the stored
  // one and the closing, also when the closing is recorded with an earlier clock.
  auto report = Complaint(kT0);
  ASSERT_TRUE(Apply(report.id, Event(CaseEventKind::kContact, "reporter_reached"), kT0 + kDay));
  CaseChange close = Event(CaseEventKind::kClosed);
  close.step = CaseStep::kClosed;
  close.close = std::make_pair(std::vector<std::string>{"advice"}, std::string("resolved"));
  ASSERT_TRUE(Apply(report.id, close, kT0 + 60));
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt);
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + kDay);
  // Reopened: the full rule again, and it agrees.
  CaseChange reopen = Event(CaseEventKind::kStep, std::string(StepCode(CaseStep::kIntake)));
  reopen.step = CaseStep::kIntake;
  ASSERT_TRUE(Apply(report.id, reopen, kT0 + 2 * kDay));
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 2 * kDay);
  ExpectSameAsDeadlinesPage(report.id);
}

TEST_F(CaseDueStore, ACaseEventMeetsADeadlineAndIsTheLastActivity) {
  auto report = Complaint(kT0);
  ASSERT_TRUE(Apply(report.id, Event(CaseEventKind::kContact, "reporter_reached"), kT0 + kDay));
  auto stored = Reread(report.id);
  EXPECT_EQ(stored.next_due_at, std::nullopt) << "first contact met, nothing else due";
  EXPECT_EQ(stored.last_activity_at, kT0 + kDay);
  ExpectSameAsDeadlinesPage(report.id);
  // A note is activity too, and changes no deadline.
  CaseChange note = Event(CaseEventKind::kNote);
  note.text = "Gebeld";
  ASSERT_TRUE(Apply(report.id, note, kT0 + 2 * kDay));
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 2 * kDay);
}

TEST_F(CaseDueStore, AMessageFromTheBureauIsFirstContact) {
  auto report = Complaint(kT0);
  store_->AddMessage(report.id, MessageAuthor::kBureau, handler_, "Wij bellen u", kT0 + 3 * kDay);
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt);
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 3 * kDay);
  store_->AddMessage(report.id, MessageAuthor::kReporter, std::nullopt, "Dank", kT0 + 4 * kDay);
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 4 * kDay);
}

TEST_F(CaseDueStore, ALetterSetsTheReplyDateItAskedFor) {
  auto report = Complaint(kT0);
  ASSERT_TRUE(Apply(report.id, Event(CaseEventKind::kContact, "reporter_reached"), kT0 + kDay));
  CaseChange letter = Event(CaseEventKind::kLetterSent);
  letter.detail = FormatLetterSentDetail({7, *ParseIsoDate("2027-02-20")});
  ASSERT_TRUE(Apply(report.id, letter, kT0 + 2 * kDay));
  auto stored = Reread(report.id);
  EXPECT_EQ(stored.next_due_at, EndOfDutchDayAfterDays(kT0, 36));
  ExpectSameAsDeadlinesPage(report.id);
  ASSERT_TRUE(Apply(report.id, Event(CaseEventKind::kReplyReceived, ""), kT0 + 5 * kDay));
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt);
}

TEST_F(CaseDueStore, AssigningAndClosingAndReopening) {
  auto report = Complaint(kT0);
  CaseChange assign = Event(CaseEventKind::kAssigned);
  assign.assign = std::optional<long long>(handler_);
  ASSERT_TRUE(Apply(report.id, assign, kT0 + 60));
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 60);
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 14));

  CaseChange close = Event(CaseEventKind::kClosed);
  close.step = CaseStep::kClosed;
  close.close = std::make_pair(std::vector<std::string>{"advice"}, std::string("resolved"));
  ASSERT_TRUE(Apply(report.id, close, kT0 + 120));
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt) << "a closed case has no deadline";
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 120);

  CaseChange reopen = Event(CaseEventKind::kStep, std::string(StepCode(CaseStep::kIntake)));
  reopen.step = CaseStep::kIntake;
  ASSERT_TRUE(Apply(report.id, reopen, kT0 + 180));
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 14));
  ExpectSameAsDeadlinesPage(report.id);
}

TEST_F(CaseDueStore, TheStatusFormClosingEndsTheDeadlines) {
  auto report = Complaint(kT0);
  ASSERT_TRUE(store_->SetReportStatus(report.id, ReportStatus::kClosed, kT0 + 60));
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt);
}

TEST_F(CaseDueStore, TheBureauSettingsMoveEveryOpenCasesDeadline) {
  auto report = Complaint(kT0);
  store_->WriteBureauSettings(1, {{std::string(kFirstContactDays), "7"}}, kT0 + 60);
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 7));
  ExpectSameAsDeadlinesPage(report.id);
}

TEST_F(CaseDueStore, AReportMovedToAnotherBureauGetsItsSettings) {
  long long other = *store_->AddBureau("ADV Utrecht", 1);
  store_->WriteBureauSettings(other, {{std::string(kFirstContactDays), "21"}}, kT0);
  auto report = Complaint(kT0);
  ASSERT_TRUE(store_->MoveReport(report.id, other));
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 21));
  ExpectSameAsDeadlinesPage(report.id, other);
}

TEST_F(CaseDueStore, MassLinksAndMassMessagesCount) {
  auto report = Complaint(kT0);
  long long event = *store_->AddMassEvent({1, "Talkshow", "", "2027-01-10", handler_}, kT0);
  ASSERT_EQ(
      store_->LinkReports(event, 1, {*ParseReference(report.reference)}, handler_, kT0 + 60).linked,
      1);
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 60);
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 14));
  auto sent = store_->SendMassMessage({event, 1, handler_, "Antwoord.", "key-of-bureau-one-0001"},
                                      kT0 + 120);
  ASSERT_EQ(sent.recipients, 1);
  EXPECT_EQ(Reread(report.id).next_due_at, std::nullopt) << "the bureau's message: first contact";
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 120);
  EXPECT_EQ(store_->UnlinkReports(event, 1, {report.id}, handler_, kT0 + 180), 1);
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 180);
}

TEST_F(CaseDueStore, ABatchOfReportsGetsBothMoments) {
  BatchReport open;
  Contact contact{"Jan", "jan@example.nl", "", "email", "", ""};
  open.report = TestReport("Open", "GM0363", "GM0599", "", contact);
  open.report.received_at = kT0;
  BatchReport closed = open;
  closed.report.received_at = kT0 + 60;
  closed.handlings = {"advice"};
  closed.outcome = "resolved";
  closed.closed_at = kT0 + 120;
  auto ids = store_->AddReportBatch({open, closed}, kT0 + 300);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(Reread(ids[0]).next_due_at, EndOfDutchDayAfterDays(kT0, 14));
  EXPECT_EQ(Reread(ids[0]).last_activity_at, kT0);
  EXPECT_EQ(Reread(ids[1]).next_due_at, std::nullopt);
  EXPECT_EQ(Reread(ids[1]).last_activity_at, kT0 + 60);
}

TEST(NextDueAt, TheEarliestOpenDeadlineOfEverySource) {
  DeadlineSettings settings;
  CaseTimeline t;
  t.reported_at = kT0;
  t.is_complaint = true;
  EXPECT_EQ(NextDueAt(t, settings), EndOfDutchDayAfterDays(kT0, 14));
  t.follow_up_due_at = kT0 + 2 * kDay;
  EXPECT_EQ(NextDueAt(t, settings), kT0 + 2 * kDay) << "a sooner follow-up date counts";
  t.follow_up_due_at = kT0 + 30 * kDay;
  EXPECT_EQ(NextDueAt(t, settings), EndOfDutchDayAfterDays(kT0, 14));
  t.first_contact_at = kT0 + kDay;
  EXPECT_EQ(NextDueAt(t, settings), kT0 + 30 * kDay) << "the norms met, the follow-up remains";
  t.is_complaint = false;
  EXPECT_EQ(NextDueAt(t, settings), kT0 + 30 * kDay) << "a melding's follow-up date counts too";
  t.step = CaseStep::kClosed;
  EXPECT_EQ(NextDueAt(t, settings), std::nullopt);
}

}  // namespace
}  // namespace meldpunt

namespace meldpunt {
namespace {

TEST_F(CaseDueStore, AFollowUpDateIsTheNextDeadlineWhenSoonerUntilDone) {
  auto report = Complaint(kT0);
  CaseChange set = Event(CaseEventKind::kFollowUp, std::string(kFollowUpSet));
  set.detail = "2027-01-18";  // three days on, sooner than first contact (14 days)
  set.text = "Bel terug";
  ASSERT_TRUE(Apply(report.id, set, kT0 + 60));
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 3));
  EXPECT_EQ(Reread(report.id).last_activity_at, kT0 + 60);
  ExpectSameAsDeadlinesPage(report.id);
  auto timelines = store_->ListOpenCaseTimelines(1, std::nullopt);
  ASSERT_EQ(timelines.size(), 1u);
  EXPECT_EQ(timelines[0].follow_up_due_at, EndOfDutchDayAfterDays(kT0, 3));
  auto deadlines = TimelineDeadlines(timelines[0], DeadlineSettings{}, kT0 + 60);
  ASSERT_FALSE(deadlines.empty());
  EXPECT_EQ(deadlines.back().kind, DeadlineKind::kFollowUp);

  ASSERT_TRUE(
      Apply(report.id, Event(CaseEventKind::kFollowUp, std::string(kFollowUpDone)), kT0 + 120));
  EXPECT_EQ(Reread(report.id).next_due_at, EndOfDutchDayAfterDays(kT0, 14));
  ExpectSameAsDeadlinesPage(report.id);
}

TEST_F(CaseDueStore, APlannedMediationIsTheNextDeadlineUntilAStepIsRecordedAfterIt) {
  auto report = Complaint(kT0);
  auto plan = [&](long long planned_at, long long at) {
    CaseChange change = Event(CaseEventKind::kMediationPlanned, "mediation");
    change.detail = FormatDutchDateTime(planned_at);
    change.text = "Stadhuis";
    change.mediation = Mediation{planned_at, "Stadhuis", ""};
    return Apply(report.id, change, at);
  };
  ASSERT_TRUE(plan(kT0 + 2 * kDay, kT0 + 60));  // sooner than first contact (14 days)
  EXPECT_EQ(Reread(report.id).next_due_at, kT0 + 2 * kDay);
  ExpectSameAsDeadlinesPage(report.id);
  auto timelines = store_->ListOpenCaseTimelines(1, std::nullopt);
  ASSERT_EQ(timelines.size(), 1u);
  EXPECT_EQ(timelines[0].mediation_at, kT0 + 2 * kDay);
  EXPECT_EQ(timelines[0].mediation_followed_at, std::nullopt);
  auto deadlines = TimelineDeadlines(timelines[0], DeadlineSettings{}, kT0 + 3 * kDay);
  ASSERT_FALSE(deadlines.empty());
  EXPECT_EQ(deadlines.back().kind, DeadlineKind::kMediation);
  EXPECT_EQ(deadlines.back().state, DeadlineState::kOverdue) << "passed, no step after it";

  ASSERT_TRUE(plan(kT0 + 5 * kDay, kT0 + 120));  // moved: the deadline moves with it
  EXPECT_EQ(Reread(report.id).next_due_at, kT0 + 5 * kDay);
  ExpectSameAsDeadlinesPage(report.id);

  // A step recorded after the moment marks it done: the norms' deadline is next again.
  ASSERT_TRUE(
      Apply(report.id, Event(CaseEventKind::kContact, "reporter_responded"), kT0 + 6 * kDay));
  timelines = store_->ListOpenCaseTimelines(1, std::nullopt);
  ASSERT_EQ(timelines.size(), 1u);
  EXPECT_EQ(timelines[0].mediation_followed_at, kT0 + 6 * kDay);
  EXPECT_NE(Reread(report.id).next_due_at, kT0 + 5 * kDay);
  ExpectSameAsDeadlinesPage(report.id);
  deadlines = TimelineDeadlines(timelines[0], DeadlineSettings{}, kT0 + 7 * kDay);
  EXPECT_EQ(deadlines.back().kind, DeadlineKind::kMediation);
  EXPECT_EQ(deadlines.back().state, DeadlineState::kMet);
}

TEST(FollowUpDueAt, TheEndOfTheDutchDayOfASetDate) {
  EXPECT_EQ(FollowUpDueAt("set", "2027-01-18"), EndOfDutchDayAfterDays(kT0, 3));
  EXPECT_EQ(FollowUpDueAt("set", "2027-07-01"), EndOfDutchDayAfterDays(kT0 + 167 * kDay, 0));
  EXPECT_EQ(FollowUpDueAt("done", ""), std::nullopt);
  EXPECT_EQ(FollowUpDueAt("set", "18-01-2027"), std::nullopt);
}

}  // namespace
}  // namespace meldpunt
