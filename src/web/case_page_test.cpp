// The words of case handling (every refusal, step, action and code has Dutch), the moments the
// deadlines look at, and the case page rendered from a real store.
#include "web/case_page.hpp"

#include <gtest/gtest.h>

#include "domain/case_action.hpp"
#include "domain/deadlines.hpp"
#include "domain/handling.hpp"
#include "domain/test_report.hpp"
#include "web/case_labels.hpp"
#include "web/case_times.hpp"
#include "web/refusal_messages.hpp"
#include "web/test_app.hpp"

namespace meldpunt::web {
namespace {

TEST(RefusalMessages, EveryRefusalHasItsOwnDutchMessage) {
  TestApp test;
  std::set<std::string> seen;
  for (Refusal refusal : kAllRefusals) {
    const char* message = RefusalMessage(refusal);
    EXPECT_TRUE(test.app().translator.Has(Lang::kNl, message)) << RefusalCode(refusal);
    EXPECT_TRUE(seen.insert(message).second) << "shared message: " << RefusalCode(refusal);
  }
  EXPECT_EQ(RefusalText(test.app(), Lang::kNl, Refusal::kConsentMissing).rfind("De toestemming", 0),
            0u);
  EXPECT_EQ(RefusalText(test.app(), Lang::kEn, Refusal::kConsentMissing),
            RefusalMessage(Refusal::kConsentMissing));
}

TEST(CaseLabels, EveryCodeOfCaseHandlingHasADutchLabel) {
  TestApp test;
  auto has = [&](std::span<const CodeLabel> labels, std::string_view code) {
    for (const auto& entry : labels) {
      if (entry.code == code) return true;
    }
    return false;
  };
  for (CaseStep step : kAllSteps) EXPECT_TRUE(has(StepLabels(), StepCode(step)));
  for (const Transition& t : kTransitions)
    EXPECT_TRUE(has(TransitionLabels(), TransitionKindCode(t.kind)));
  for (ActionKind kind : kAllActionKinds) EXPECT_TRUE(has(ActionLabels(), ActionCode(kind)));
  for (ComplaintTarget target : kAllComplaintTargets)
    EXPECT_TRUE(has(TargetLabels(), TargetCode(target)));
  for (std::string_view code : kHandlings) EXPECT_TRUE(has(HandlingLabels(), code)) << code;
  for (std::string_view code : kOutcomes) EXPECT_TRUE(has(OutcomeLabels(), code)) << code;
  for (CaseEventKind kind : kAllCaseEventKinds)
    EXPECT_TRUE(has(EventLabels(), CaseEventCode(kind)));
  for (std::string_view code : kContactCodes) EXPECT_TRUE(has(ContactLabels(), code));
  for (DeadlineKind kind : kAllDeadlineKinds)
    EXPECT_TRUE(has(DeadlineLabels(), DeadlineKindCode(kind)));
  for (auto state : {DeadlineState::kOk, DeadlineState::kDueSoon, DeadlineState::kOverdue,
                     DeadlineState::kMet}) {
    EXPECT_TRUE(has(DeadlineStateLabels(), DeadlineStateCode(state)));
  }
  for (auto list : AllCaseLabelLists()) {
    for (const auto& entry : list) {
      EXPECT_TRUE(test.app().translator.Has(Lang::kNl, entry.label)) << entry.label;
    }
  }
}

TEST(CaseDone, EveryConfirmationIsKnownAndTranslated) {
  TestApp test;
  for (const char* done : {"stap", "heropend", "gearchiveerd", "afgesloten", "actie", "toestemming",
                           "toestemming-ingetrokken", "contact", "notitie", "toegewezen"}) {
    const char* message = CaseDoneMessage(done);
    ASSERT_NE(message, nullptr) << done;
    EXPECT_TRUE(test.app().translator.Has(Lang::kNl, message)) << done;
  }
  EXPECT_EQ(CaseDoneMessage("<script>"), nullptr);
}

CaseEvent Event(CaseEventKind kind, long long at, std::string code = "") {
  CaseEvent event;
  event.kind = kind;
  event.at = at;
  event.code = std::move(code);
  return event;
}

ThreadMessage Message(MessageAuthor author, long long at) {
  ThreadMessage message;
  message.author = author;
  message.at = at;
  return message;
}

TEST(CaseTimes, ReadFromTheReportItsHistoryAndTheThread) {
  RegisteredReport report;
  report.reported_at = 1000;
  CaseTimes none = CaseTimesOf(report, {}, {});
  EXPECT_EQ(none.received_at, 1000);
  EXPECT_EQ(none.receipt_confirmed_at, 1000) << "confirmed when registered";
  EXPECT_FALSE(none.first_contact_at);
  EXPECT_FALSE(none.closed_at);

  std::vector<CaseEvent> events = {
      Event(CaseEventKind::kNote, 1500),
      Event(CaseEventKind::kContact, 3000, "bureau_contacted"),
      Event(CaseEventKind::kMissedAppointment, 4000),
      Event(CaseEventKind::kMissedAppointment, 5000),
      Event(CaseEventKind::kContact, 6000, "reporter_responded"),
      Event(CaseEventKind::kAction, 7000, "letter_to_other_party"),
      Event(CaseEventKind::kAction, 7500, "listening_ear"),
      Event(CaseEventKind::kReplyReceived, 8000),
  };
  std::vector<ThreadMessage> messages = {Message(MessageAuthor::kReporter, 1200),
                                         Message(MessageAuthor::kBureau, 2000),
                                         Message(MessageAuthor::kReporter, 5500)};
  report.closed_at = 9000;
  CaseTimes times = CaseTimesOf(report, events, messages);
  EXPECT_EQ(times.first_contact_at, 2000) << "the bureau's first message";
  EXPECT_EQ(times.reporter_heard_at, 6000) << "the last time the reporter responded";
  EXPECT_EQ(times.last_missed_appointment_at, 5000);
  EXPECT_EQ(times.no_shows, 2);
  EXPECT_EQ(times.letter_sent_at, 7000) << "the letter action counts as a letter sent";
  EXPECT_EQ(times.reply_received_at, 8000);
  EXPECT_EQ(times.closed_at, 9000);

  CaseTimes by_event =
      CaseTimesOf(report, {Event(CaseEventKind::kContact, 1100, "reporter_responded")}, {});
  EXPECT_EQ(by_event.first_contact_at, 1100) << "a contact event is first contact too";
}

TEST(CasePage, ShowsTheSummaryHistoryAndOnlyTheFormsARoleMayUse) {
  TestApp test;
  const AppContext& app = test.app();
  ASSERT_TRUE(app.store.AddUser({"h@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
  ASSERT_TRUE(app.store.AddUser({"i@example.nl", "x", StaffRole::kIntake, 1, ""}, 1));
  auto handler = app.store.FindUser("h@example.nl");
  auto report = app.store.AddReport(TestReport("Wat er gebeurde."), app.now());
  CaseChange note;
  note.report_id = report.id;
  note.staff_user_id = handler->id;
  note.kind = CaseEventKind::kNote;
  note.text = "Alleen voor collega's.";
  ASSERT_TRUE(app.store.ApplyCaseChange(note, app.now()));
  report = *app.store.GetReport(report.id);

  StaffSession as_handler{handler->id, "h@example.nl", StaffRole::kHandler, 1, ""};
  http::Request request;
  auto page = CasePage(app, request, as_handler, report, 200);
  EXPECT_EQ(page.status, 200);
  const std::string& html = page.body;
  EXPECT_NE(html.find("data-step=\"received\""), std::string::npos);
  EXPECT_NE(html.find("Alleen voor collega&apos;s."), std::string::npos) << "the note, escaped";
  EXPECT_NE(html.find("data-kind=\"note\""), std::string::npos);
  EXPECT_NE(html.find("action=\"/medewerkers/meldingen/" + std::to_string(report.id) + "/stap\""),
            std::string::npos);
  EXPECT_NE(html.find("name=\"case_version\" value=\"1\""), std::string::npos);
  EXPECT_NE(html.find("value=\"first_analysis\""), std::string::npos);
  EXPECT_EQ(html.find("value=\"intake\""), std::string::npos) << "not offered from received";
  EXPECT_NE(html.find("data-refusal=\"anonymous_individual\""), std::string::npos)
      << "an anonymous incident: the letter is shown as not possible, with why";
  EXPECT_NE(html.find("Deze zaak oppakken"), std::string::npos) << "an unassigned case";
  EXPECT_EQ(html.find("id=\"assign-handler\""), std::string::npos) << "no assigning for a handler";
  EXPECT_NE(html.find("data-deadline=\"first_contact\""), std::string::npos);

  auto intake = app.store.FindUser("i@example.nl");
  StaffSession as_intake{intake->id, "i@example.nl", StaffRole::kIntake, 1, ""};
  auto read_only = CasePage(app, request, as_intake, report, 200).body;
  EXPECT_EQ(read_only.find("/stap\""), std::string::npos) << "intake reads, does not handle";
  EXPECT_NE(read_only.find("data-kind=\"note\""), std::string::npos);
  EXPECT_EQ(app.store.CountAudit("report.read"), 2) << "every showing is on the audit log";
}

}  // namespace
}  // namespace meldpunt::web
