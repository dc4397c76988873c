#include "web/cases/staff_evidence.hpp"

#include <gtest/gtest.h>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/audit_store.hpp"
#include "store/evidence_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/test_app.hpp"
#include "web/common/test_routes.hpp"

namespace meldpunt::web {
namespace {

TEST(StaffEvidence, DownloadIsSandboxedAttachmentAndAudited) {
  TestApp test;
  const AppContext& app = test.app();
  NewReport report = TestReport("text", "none", "unknown");
  report.evidence = {
      EvidenceFile{"<script>.html", "application/pdf", "%PDF-1.4 x", 10, Sha256Hex("%PDF-1.4 x")}};
  auto stored = app.reports.AddReport(report, app.now());
  long long file_id = app.evidence.ListEvidence(stored.id).at(0).id;
  ASSERT_TRUE(
      app.staff.AddUser({"a@example.nl", "hash", StaffRole::kBureauAdmin, 1, ""}, app.now()));
  long long user = app.staff.FindUser("a@example.nl")->id;
  app.sessions.AddSession(HashToken("session-token"), user, app.now());

  TestRoutes routes(app);  // through the route's policy, as in the server
  http::Request request;
  request.path = EvidenceUrl(stored.id, file_id);
  http::Response anonymous = routes.Send(request);
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(app.audit.CountAudit("download_evidence"), 0);

  request.headers = {{"cookie", "mp_staff=session-token"}};
  http::Response response = routes.Send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "%PDF-1.4 x");
  EXPECT_EQ(*response.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(*response.Header("Content-Disposition"), "attachment; filename=\"melding-" +
                                                         std::to_string(stored.id) + "-bestand-" +
                                                         std::to_string(file_id) + ".pdf\"");
  EXPECT_EQ(*response.Header("Content-Security-Policy"), "sandbox; default-src 'none'");
  EXPECT_EQ(*response.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(app.audit.CountAudit("download_evidence"), 1);

  request.path = EvidenceUrl(stored.id + 1, file_id);
  EXPECT_EQ(routes.Send(request).status, 404);
  request.path = "/medewerkers/meldingen/1x/bestanden/1";
  EXPECT_EQ(routes.Send(request).status, 404);
  EXPECT_EQ(app.audit.CountAudit("download_evidence"), 1);
}

TEST(StaffEvidence, SizesForPeople) {
  EXPECT_EQ(HumanSize(1, Lang::kEn), "1 KB");
  EXPECT_EQ(HumanSize(840 * 1024, Lang::kEn), "840 KB");
  EXPECT_EQ(HumanSize(2516582, Lang::kEn), "2.4 MB");
  EXPECT_EQ(HumanSize(2516582, Lang::kNl), "2,4 MB");
}

}  // namespace
}  // namespace meldpunt::web
