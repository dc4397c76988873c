// Unit tests of the pieces of staff login security that need no server: the QR code, device
// descriptions, return paths after confirming, and re-authentication on a real store.
#include <gtest/gtest.h>

#include "security/crypto.hpp"
#include "store/login_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/accounts/user_agent.hpp"
#include "web/common/qr_svg.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/test_app.hpp"

namespace meldpunt::web {
namespace {

TEST(QrSvg, IsAnAccessibleSvgWithModules) {
  std::string svg = QrSvg("otpauth://totp/Meldpunt:a%40b.nl?secret=GEZDGNBV", "QR <code>");
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"QR &lt;code&gt;\""), std::string::npos) << "label escaped";
  EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M4 4h7v1h-7z"), std::string::npos)
      << "the finder pattern's top row starts at the quiet zone";
  EXPECT_EQ(svg.find("style="), std::string::npos) << "no inline style: the CSP forbids it";
}

TEST(UserAgent, CoarseDescriptionsOfCommonBrowsers) {
  auto firefox =
      DescribeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
  EXPECT_EQ(firefox.browser, "Firefox");
  EXPECT_EQ(firefox.system, "Linux");
  auto edge = DescribeUserAgent(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0");
  EXPECT_EQ(edge.browser, "Edge");
  EXPECT_EQ(edge.system, "Windows");
  auto iphone = DescribeUserAgent(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
      "Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
  EXPECT_EQ(iphone.browser, "Safari");
  EXPECT_EQ(iphone.system, "iPhone");
  auto android = DescribeUserAgent(
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/126.0.0.0 Mobile Safari/537.36");
  EXPECT_EQ(android.browser, "Chrome");
  EXPECT_EQ(android.system, "Android");
  auto unknown = DescribeUserAgent("curl/8.0");
  EXPECT_EQ(unknown.browser, "");
  EXPECT_EQ(unknown.system, "");
  EXPECT_EQ(StoredDevice(firefox), "Firefox|Linux");
  EXPECT_EQ(ParseStoredDevice("Firefox|Linux").browser, "Firefox");
  EXPECT_EQ(ParseStoredDevice("<b>|Linux").browser, "") << "only known names come back";
}

TEST(SafeReturnPath, OnlyLocalStaffPaths) {
  EXPECT_EQ(SafeReturnPath("/medewerkers/meldingen/12"), "/medewerkers/meldingen/12");
  EXPECT_EQ(SafeReturnPath("/medewerkers/cijfers?jaar=2026&x=%2F"),
            "/medewerkers/cijfers?jaar=2026&x=%2F");
  for (const char* bad :
       {"", "/", "https://evil.example/medewerkers/", "//evil.example/",
        "/medewerkers//evil.example", "/medewerkers/\\evil", "/melden", "/medewerkers/../melden",
        "/medewerkers/a\r\nSet-Cookie: x", "javascript:alert(1)", "/medewerkers/<script>"}) {
    EXPECT_EQ(SafeReturnPath(bad), std::nullopt) << bad;
  }
}

TEST(RequireRecentAuth, RedirectsToTheConfirmPageWithTheWayBack) {
  TestApp test;
  const AppContext& app = test.app();
  StaffSession staff;
  staff.role = StaffRole::kCoordinator;
  staff.authenticated_at = app.now() - 60;
  http::Request request;
  request.path = "/medewerkers/export";
  request.query = "jaar=2026&soort=alles";
  EXPECT_EQ(RequireRecentAuth(app, request, staff), std::nullopt) << "a minute ago is recent";
  staff.authenticated_at = app.now() - 6 * 60;
  auto redirect = RequireRecentAuth(app, request, staff);
  ASSERT_TRUE(redirect);
  EXPECT_EQ(redirect->status, 303);
  EXPECT_EQ(*redirect->Header("Location"),
            "/medewerkers/bevestigen?terug=/medewerkers/export%3Fjaar%3D2026%26soort%3Dalles");
  auto home = RequireRecentAuth(app, staff, "https://evil.example/");
  ASSERT_TRUE(home);
  EXPECT_EQ(*home->Header("Location"), "/medewerkers/bevestigen?terug=/medewerkers/meldingen");
}

TEST(StaffSessions, AbsoluteLifetimeAndEndingOthers) {
  TestApp test;
  const AppContext& app = test.app();
  ASSERT_TRUE(app.staff.AddUser({"a@example.nl", "hash", StaffRole::kHandler, 1, ""}, 0));
  ASSERT_TRUE(app.staff.AddUser({"b@example.nl", "hash", StaffRole::kHandler, 1, ""}, 0));
  long long a = app.staff.FindUser("a@example.nl")->id;
  long long b = app.staff.FindUser("b@example.nl")->id;
  long long one = app.sessions.StartSession(HashToken("one"), a, 1000, "Firefox|Linux");
  long long two = app.sessions.StartSession(HashToken("two"), a, 2000, "Chrome|Windows");
  long long other = app.sessions.StartSession(HashToken("three"), b, 2000, "");
  EXPECT_EQ(app.staff.FindUser("a@example.nl")->last_login_at, 2000);
  auto used = app.sessions.UseSession(HashToken("two"), 2100, 0, 0);
  ASSERT_TRUE(used);
  EXPECT_EQ(used->session_id, two);
  EXPECT_EQ(used->authenticated_at, 2000);
  app.sessions.MarkReauthenticated(two, 2200);
  EXPECT_EQ(app.sessions.UseSession(HashToken("two"), 2300, 0, 0)->authenticated_at, 2200);
  EXPECT_EQ(app.sessions.UseSession(HashToken("one"), 2300, 0, 1500), std::nullopt)
      << "started before the absolute lifetime allows";
  EXPECT_EQ(app.sessions.UseSession(HashToken("one"), 2300, 0, 0), std::nullopt) << "and deleted";
  app.sessions.StartSession(HashToken("four"), a, 2400, "");
  auto list = app.sessions.ListSessions(a, 0, 0);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].id, two);
  EXPECT_EQ(list[1].device, "Chrome|Windows");
  EXPECT_FALSE(app.sessions.EndSessionOf(a, other)) << "not a's session";
  EXPECT_EQ(app.sessions.EndOtherSessions(a, two), 1);
  EXPECT_EQ(app.sessions.ListSessions(a, 0, 0).size(), 1u);
  EXPECT_TRUE(app.sessions.EndSessionOf(a, two));
  EXPECT_TRUE(app.sessions.UseSession(HashToken("three"), 2500, 0, 0)) << "b keeps theirs";
  (void)one;
}

TEST(SecondFactorStore, EnrolReplayRecoveryAndReset) {
  TestApp test;
  const AppContext& app = test.app();
  ASSERT_TRUE(app.staff.AddUser({"a@example.nl", "hash", StaffRole::kHandler, 1, ""}, 0));
  long long a = app.staff.FindUser("a@example.nl")->id;
  EXPECT_FALSE(app.staff.FindUser("a@example.nl")->has_second_factor);
  EXPECT_EQ(app.logins.GetSecondFactor(a), std::nullopt);
  ASSERT_TRUE(app.logins.EnrolSecondFactor(a, std::string("\0secret\xff", 8), 100, {"h1", "h2"}));
  EXPECT_FALSE(app.logins.EnrolSecondFactor(a, "other", 100, {})) << "enrolled already";
  auto factor = app.logins.GetSecondFactor(a);
  ASSERT_TRUE(factor);
  EXPECT_EQ(factor->secret, std::string("\0secret\xff", 8));
  EXPECT_EQ(factor->last_step, 100);
  EXPECT_TRUE(app.staff.FindUser("a@example.nl")->has_second_factor);
  EXPECT_FALSE(app.logins.UseTotpStep(a, 100)) << "the step that confirmed enrolment is used";
  EXPECT_TRUE(app.logins.UseTotpStep(a, 101));
  EXPECT_FALSE(app.logins.UseTotpStep(a, 101));
  EXPECT_EQ(app.logins.CountUnusedRecoveryCodes(a), 2);
  EXPECT_TRUE(app.logins.UseRecoveryCode(a, "h1", 5));
  EXPECT_FALSE(app.logins.UseRecoveryCode(a, "h1", 6)) << "once only";
  EXPECT_FALSE(app.logins.UseRecoveryCode(a, "nope", 6));
  EXPECT_EQ(app.logins.CountUnusedRecoveryCodes(a), 1);
  app.sessions.StartSession(HashToken("s"), a, 10, "");
  app.logins.AddPendingLogin(HashToken("p"), {a, 10, "key", ""}, 0);
  EXPECT_TRUE(app.logins.ResetSecondFactor(a));
  EXPECT_FALSE(app.logins.ResetSecondFactor(a + 100));
  EXPECT_EQ(app.logins.GetSecondFactor(a), std::nullopt);
  EXPECT_EQ(app.logins.CountUnusedRecoveryCodes(a), 0);
  EXPECT_EQ(app.sessions.UseSession(HashToken("s"), 11, 0, 0), std::nullopt) << "sessions ended";
  EXPECT_EQ(app.logins.GetPendingLogin(HashToken("p"), 0), std::nullopt);
}

TEST(PendingLogins, ExpireAndKeepTheEnrolSecretSealed) {
  TestApp test;
  const AppContext& app = test.app();
  ASSERT_TRUE(app.staff.AddUser({"a@example.nl", "hash", StaffRole::kHandler, 1, ""}, 0));
  long long a = app.staff.FindUser("a@example.nl")->id;
  app.logins.AddPendingLogin(HashToken("old"), {a, 100, "k", ""}, 0);
  app.logins.AddPendingLogin(HashToken("new"), {a, 500, "k2", "raw secret"}, 150);
  EXPECT_EQ(app.logins.GetPendingLogin(HashToken("old"), 0), std::nullopt) << "forgotten";
  auto pending = app.logins.GetPendingLogin(HashToken("new"), 400);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->enrol_secret, "raw secret");
  EXPECT_EQ(pending->throttle_key, "k2");
  EXPECT_EQ(app.logins.GetPendingLogin(HashToken("new"), 501), std::nullopt) << "expired";
  app.logins.EndPendingLogin(HashToken("new"));
  EXPECT_EQ(app.logins.GetPendingLogin(HashToken("new"), 0), std::nullopt);
}

TEST(LoginThrottleStore, CountsPerKeyAndForgets) {
  TestApp test;
  const AppContext& app = test.app();
  LoginThrottlePolicy policy;
  LoginThrottle state;
  for (int i = 0; i < 6; ++i) state = app.logins.RecordLoginFailure("a:x", policy, 1000 + i);
  EXPECT_EQ(state.failures, 6);
  EXPECT_EQ(state.throttled_until, 1005 + 60);
  EXPECT_EQ(app.logins.GetLoginThrottle("a:x").throttled_until, 1005 + 60);
  EXPECT_EQ(app.logins.GetLoginThrottle("d:y").failures, 0) << "another key counts apart";
  state = app.logins.RecordLoginFailure("a:x", policy, 1005 + 86401);
  EXPECT_EQ(state.failures, 1) << "a quiet day starts the count again";
  app.logins.ClearLoginFailures("a:x");
  EXPECT_EQ(app.logins.GetLoginThrottle("a:x").failures, 0);
}

}  // namespace
}  // namespace meldpunt::web
