// The words of case handling (every refusal, step, action and code has Dutch) and the case page
// rendered from a real store.
#include "web/cases/case_page.hpp"

#include <gtest/gtest.h>

#include "domain/cases/case_action.hpp"
#include "domain/cases/deadlines.hpp"
#include "domain/cases/handling.hpp"
#include "domain/reports/test_report.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_view.hpp"
#include "web/cases/refusal_messages.hpp"
#include "web/common/test_app.hpp"

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

TEST(CaseHistory, MergesEventsAndMessagesOldestFirstEventsFirstAtTheSameSecond) {
  auto event = [](long long at) {
    CaseEvent e;
    e.at = at;
    return e;
  };
  auto message = [](long long at) {
    ThreadMessage m;
    m.at = at;
    return m;
  };
  std::vector<CaseEvent> events = {event(10), event(30), event(30)};
  std::vector<ThreadMessage> messages = {message(5), message(30), message(40)};
  auto merged = MergeHistory(events, messages);
  ASSERT_EQ(merged.size(), 6u);
  std::vector<const void*> order;
  for (const auto& entry : merged) {
    std::visit([&](const auto* item) { order.push_back(item); }, entry);
  }
  EXPECT_EQ(order, (std::vector<const void*>{&messages[0], &events[0], &events[1], &events[2],
                                             &messages[1], &messages[2]}));
  EXPECT_TRUE(MergeHistory({}, {}).empty());
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
  for (const char* done :
       {"stap", "heropend", "gearchiveerd", "afgesloten", "actie", "toestemming",
        "toestemming-ingetrokken", "contact", "notitie", "toegewezen", "label-toegevoegd",
        "label-verwijderd", "doorverwezen", "eigen-initiatief", "eigen-initiatief-beeindigd"}) {
    const char* message = CaseDoneMessage(done);
    ASSERT_NE(message, nullptr) << done;
    EXPECT_TRUE(test.app().translator.Has(Lang::kNl, message)) << done;
  }
  EXPECT_EQ(CaseDoneMessage("<script>"), nullptr);
}

TEST(CasePage, ShowsTheSummaryHistoryAndOnlyTheFormsARoleMayUse) {
  TestApp test;
  const AppContext& app = test.app();
  ASSERT_TRUE(app.staff.AddUser({"h@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
  ASSERT_TRUE(app.staff.AddUser({"i@example.nl", "x", StaffRole::kIntake, 1, ""}, 1));
  auto handler = app.staff.FindUser("h@example.nl");
  NewReport complaint = TestReport("Wat er gebeurde.");
  complaint.wishes = {"advice"};  // a klacht: only complaints have deadlines
  auto report = app.reports.AddReport(complaint, app.now());
  CaseChange note;
  note.report_id = report.id;
  note.staff_user_id = handler->id;
  note.kind = CaseEventKind::kNote;
  note.text = "Alleen voor collega's.";
  ASSERT_TRUE(app.cases.ApplyCaseChange(note, app.now()));
  report = *app.reports.GetReport(report.id);

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
  // Later steps are offered too (combined step changes), saying which steps they record as well;
  // closing has its own form.
  EXPECT_NE(html.find("value=\"intake\""), std::string::npos);
  EXPECT_NE(html.find("Legt ook de stappen ertussen vast: Eerste analyse"), std::string::npos);
  EXPECT_EQ(html.find("id=\"step-closed\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"step-received\""), std::string::npos);
  EXPECT_NE(html.find("data-refusal=\"anonymous_individual\""), std::string::npos)
      << "an anonymous incident: the letter is shown as not possible, with why";
  EXPECT_NE(html.find("Deze zaak oppakken"), std::string::npos) << "an unassigned case";
  EXPECT_EQ(html.find("id=\"assign-handler\""), std::string::npos) << "no assigning for a handler";
  EXPECT_NE(html.find("data-deadline=\"first_contact\""), std::string::npos);

  auto intake = app.staff.FindUser("i@example.nl");
  StaffSession as_intake{intake->id, "i@example.nl", StaffRole::kIntake, 1, ""};
  auto read_only = CasePage(app, request, as_intake, report, 200).body;
  EXPECT_EQ(read_only.find("/stap\""), std::string::npos) << "intake reads, does not handle";
  EXPECT_NE(read_only.find("data-kind=\"note\""), std::string::npos);
  EXPECT_EQ(app.audit.CountAudit("report.read"), 2) << "every showing is on the audit log";
}

TEST(CasePage, TheClosingFormTicksTheHandlingOfALetterSentFromTheLettersPage) {
  TestApp test;
  const AppContext& app = test.app();
  ASSERT_TRUE(app.staff.AddUser({"h@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
  auto handler = app.staff.FindUser("h@example.nl");
  NewReport complaint = TestReport("Wat er gebeurde.");
  complaint.wishes = {"letter"};
  auto report = app.reports.AddReport(complaint, app.now());
  // What the letters page records when a letter is sent (letter_handlers.cpp), and advice given.
  CaseChange letter;
  letter.report_id = report.id;
  letter.staff_user_id = handler->id;
  letter.kind = CaseEventKind::kLetterSent;
  letter.code = "letter_to_other_party";
  letter.detail = "1;2027-02-01";
  letter.expected_version = report.case_version;
  ASSERT_TRUE(app.cases.ApplyCaseChange(letter, app.now()));
  CaseChange advice;
  advice.report_id = report.id;
  advice.staff_user_id = handler->id;
  advice.kind = CaseEventKind::kAction;
  advice.code = "information_advice";
  advice.expected_version = app.reports.GetReport(report.id)->case_version;
  ASSERT_TRUE(app.cases.ApplyCaseChange(advice, app.now()));

  auto events = app.cases.ListCaseEvents(report.id);
  EXPECT_EQ(ActionsDone(events), (std::vector<ActionKind>{ActionKind::kLetterToOtherParty,
                                                          ActionKind::kInformationAdvice}));
  StaffSession as_handler{handler->id, "h@example.nl", StaffRole::kHandler, 1, ""};
  http::Request request;
  auto html = CasePage(app, request, as_handler, *app.reports.GetReport(report.id), 200).body;
  EXPECT_NE(html.find("value=\"intervention\" checked"), std::string::npos)
      << "the letter sent is hoor en wederhoor: intervention is ticked for closing";
  EXPECT_NE(html.find("value=\"advice\" checked"), std::string::npos);
  EXPECT_EQ(html.find("value=\"registration_only\" checked"), std::string::npos);
}

}  // namespace
}  // namespace meldpunt::web
