// The stored letters of a case are handed out only when the case's history records them as sent.
#include "web/letters/letter_handlers.hpp"

#include <gtest/gtest.h>

#include "domain/cases/letter_event.hpp"
#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/letter_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/test_app.hpp"
#include "web/common/test_routes.hpp"

namespace meldpunt::web {
namespace {

TEST(CaseLetterDownload, OnlyALetterRecordedAsSentIsHandedOutAndEveryDownloadIsAudited) {
  TestApp test;
  const AppContext& app = test.app();
  auto report = app.reports.AddReport(TestReport("text"), app.now());
  ASSERT_TRUE(app.staff.AddUser({"h@example.nl", "hash", StaffRole::kHandler, 1, ""}, app.now()));
  long long user = app.staff.FindUser("h@example.nl")->id;
  app.sessions.AddSession(HashToken("session-token"), user, app.now());
  NewCaseLetter letter{report.id,        user,    "nl",           "2026-12-01",
                       "Naam",           "Adres", "Samenvatting", "Ondertekening",
                       "%PDF-1.5 letter"};
  long long id = app.letters.AddCaseLetter(letter, app.now());
  TestRoutes routes(app);

  http::Request request;
  request.headers = {{"cookie", "mp_staff=session-token"}};
  request.path =
      "/medewerkers/meldingen/" + std::to_string(report.id) + "/brieven/" + std::to_string(id);
  // Stored, but its letter_sent event was never written: not a sent letter.
  EXPECT_EQ(routes.Send(request).status, 404);
  EXPECT_EQ(app.audit.CountAudit("letter.print"), 0);

  CaseChange sent;
  sent.report_id = report.id;
  sent.staff_user_id = user;
  sent.expected_version = report.case_version;
  sent.kind = CaseEventKind::kLetterSent;
  sent.detail = FormatLetterSentDetail({id, *ParseIsoDate("2026-12-01")});
  ASSERT_TRUE(app.cases.ApplyCaseChange(sent, app.now()));
  http::Response response = routes.Send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "%PDF-1.5 letter");
  EXPECT_EQ(*response.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(*response.Header("Cache-Control"), "no-store");
  EXPECT_EQ(
      *response.Header("Content-Disposition"),
      "attachment; filename=\"brief-" + report.reference + "-" + std::to_string(id) + ".pdf\"");
  EXPECT_EQ(app.audit.CountAudit("letter.print"), 1);

  request.path = "/medewerkers/meldingen/" + std::to_string(report.id) + "/brieven/x";
  EXPECT_EQ(routes.Send(request).status, 404);
}

TEST(CaseLetterPage, AReplyFromTheContactFormAnswersTheLastLetterSentBeforeIt) {
  TestApp test;
  const AppContext& app = test.app();
  auto report = app.reports.AddReport(TestReport("text"), app.now());
  ASSERT_TRUE(app.staff.AddUser({"h@example.nl", "hash", StaffRole::kHandler, 1, ""}, app.now()));
  long long user = app.staff.FindUser("h@example.nl")->id;
  app.sessions.AddSession(HashToken("session-token"), user, app.now());
  auto send = [&](long long version) {
    NewCaseLetter letter{report.id, user,    "nl",           "2026-12-01",
                         "Naam",    "Adres", "Samenvatting", "Ondertekening",
                         "%PDF"};
    long long id = app.letters.AddCaseLetter(letter, app.now());
    CaseChange sent;
    sent.report_id = report.id;
    sent.staff_user_id = user;
    sent.expected_version = version;
    sent.kind = CaseEventKind::kLetterSent;
    sent.detail = FormatLetterSentDetail({id, *ParseIsoDate("2026-12-01")});
    EXPECT_TRUE(app.cases.ApplyCaseChange(sent, app.now()));
    return id;
  };
  long long first = send(0);
  CaseChange reply;  // as the case page's contact form records it: no letter named
  reply.report_id = report.id;
  reply.staff_user_id = user;
  reply.expected_version = 1;
  reply.kind = CaseEventKind::kReplyReceived;
  reply.code = "reply_received";
  reply.text = "Zij reageerden per telefoon.";
  ASSERT_TRUE(app.cases.ApplyCaseChange(reply, app.now()));
  long long second = send(2);

  TestRoutes routes(app);
  http::Request request;
  request.headers = {{"cookie", "mp_staff=session-token"}};
  request.path = "/medewerkers/meldingen/" + std::to_string(report.id) + "/brief";
  http::Response page = routes.Send(request);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-letter=\"" + std::to_string(first) + "\" data-reply=\"received\""),
            std::string::npos);
  EXPECT_NE(page.body.find("Zij reageerden per telefoon."), std::string::npos);
  EXPECT_EQ(
      page.body.find("data-letter=\"" + std::to_string(second) + "\" data-reply=\"received\""),
      std::string::npos);
  EXPECT_EQ(app.audit.CountAudit("letter.read"), 1);
}

}  // namespace
}  // namespace meldpunt::web
