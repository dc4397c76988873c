#include "web/common/route_policy.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "security/tokens.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/test_app.hpp"
#include "web/common/test_routes.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {
namespace {

// The staff area's routes that anyone may call: logging in (nobody is signed in yet), logging
// out (works without a session) and the redirect to the first staff page.
bool PublicOnPurpose(const RouteEntry& route) {
  static const std::set<std::string> kPaths = {kStaffHomePath, kStaffLoginPath, kSecondFactorPath,
                                               kEnrolPath, kLogoutPath};
  return kPaths.contains(route.path);
}

TEST(RoutePolicy, EveryStaffRouteNeedsASignedInStaffMemberAndEveryPostAToken) {
  TestApp test;
  TestRoutes routes(test.app());
  const auto& entries = routes.Table().Entries();
  ASSERT_GT(entries.size(), 90u);
  for (const auto& route : entries) {
    std::string name = std::string(http::MethodName(route.method)) + " " + route.path;
    if (route.path.starts_with("/medewerkers") && !PublicOnPurpose(route)) {
      EXPECT_EQ(route.policy.caller, Caller::kStaff) << name << " is a staff route without policy";
    }
    // A partner API route (issue 17) is no browser form: an API key stands in for the token, and
    // a browser cannot send it cross-site without a CORS preflight, which is never answered.
    if (route.method == http::Method::kPost && route.policy.caller != Caller::kPartner) {
      EXPECT_TRUE(route.policy.csrf) << name << " changes state without an anti-forgery token";
    }
    if (route.policy.caller == Caller::kPartner) {
      EXPECT_TRUE(route.path.starts_with("/api/")) << name << " takes an API key outside /api/";
    }
    // Staff routes with a permission name it; only one's own sessions are open to every role.
    if (route.policy.caller == Caller::kStaff && !route.policy.permission) {
      EXPECT_TRUE(route.path.starts_with(kSessionsPath) || route.path == kConfirmPath) << name;
    }
  }
}

// The text of docs/routes.md between <!-- name --> and <!-- /name -->.
std::string DocsTable(const std::string& name) {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/docs/routes.md");
  std::stringstream text;
  text << in.rdbuf();
  std::string docs = text.str();
  const std::string begin = "<!-- " + name + " -->\n", end = "<!-- /" + name + " -->";
  size_t from = docs.find(begin), to = docs.find(end);
  if (from == std::string::npos || to == std::string::npos) return "(no table " + name + ")";
  return docs.substr(from + begin.size(), to - from - begin.size());
}

// docs/routes.md lists every route with its policy, as the code adds them.
TEST(RoutePolicy, TheDocsListEveryRouteWithItsPolicy) {
  TestApp test;
  TestRoutes routes(test.app());
  std::string expected = "| Method | Path | Who | Permission | Checks |\n|---|---|---|---|---|\n" +
                         DescribeRoutes(routes.Table().Entries());
  EXPECT_EQ(DocsTable("routes"), expected) << "update docs/routes.md with this table:\n"
                                           << expected;
}

// docs/routes.md says which role has which permission, as Allows decides.
TEST(RoutePolicy, TheDocsSayWhichRoleHasWhichPermission) {
  std::string expected = "| Permission |";
  for (StaffRole role : kAllStaffRoles) expected += " " + std::string(RoleCode(role)) + " |";
  expected += "\n|---|";
  for (size_t i = 0; i < kAllStaffRoles.size(); ++i) expected += "---|";
  expected += "\n";
  for (int i = 0; i <= static_cast<int>(Permission::kExportFigureArchive); ++i) {
    auto permission = static_cast<Permission>(i);
    expected += "| " + std::string(PermissionCode(permission)) + " |";
    for (StaffRole role : kAllStaffRoles) expected += Allows(role, permission) ? " yes |" : " |";
    expected += "\n";
  }
  EXPECT_EQ(DocsTable("roles"), expected) << "update docs/routes.md with this table:\n" << expected;
}

class PolicyChecks : public ::testing::Test {
 protected:
  http::Request Post(const std::string& path, const std::string& token_in_form) {
    http::Request request;
    request.method = http::Method::kPost;
    request.path = path;
    request.headers = {{"cookie", "mp_csrf=" + csrf_}};
    request.body = "name=Bureau+Oost&csrf=" + token_in_form;
    return request;
  }
  void SignIn(http::Request& request, StaffRole role, const std::string& session) {
    const AppContext& app = test_.app();
    std::string email = session + "@example.nl";
    ASSERT_TRUE(app.staff.AddUser({email, "hash", role, 1, ""}, app.now()));
    app.sessions.AddSession(HashToken(session), app.staff.FindUser(email)->id, app.now());
    request.headers = {{"cookie", "mp_csrf=" + csrf_ + "; mp_staff=" + session}};
  }
  TestApp test_;
  TestRoutes routes_{test_.app()};
  std::string csrf_ = test_.app().csrf.Issue();
};

// The checks run in the documented order, before the handler: origin, token, session, role.
TEST_F(PolicyChecks, RefuseInOrderBeforeTheHandlerRuns) {
  const AppContext& app = test_.app();
  size_t bureaus = app.bureaus.ListBureaus().size();

  http::Request no_token = Post(kBureausPath, "");
  SignIn(no_token, StaffRole::kSystemAdmin, "admin-session");
  EXPECT_EQ(routes_.Send(no_token).status, 403);

  http::Request no_session = Post(kBureausPath, csrf_);
  http::Response login = routes_.Send(no_session);
  EXPECT_EQ(login.status, 303);
  EXPECT_EQ(*login.Header("Location"), kStaffLoginPath);

  http::Request wrong_role = Post(kBureausPath, csrf_);
  SignIn(wrong_role, StaffRole::kHandler, "handler-session");
  long long denied = app.audit.CountAudit("access.denied");
  EXPECT_EQ(routes_.Send(wrong_role).status, 403);
  EXPECT_EQ(app.audit.CountAudit("access.denied"), denied + 1) << "a refusal is on the record";
  EXPECT_EQ(app.bureaus.ListBureaus().size(), bureaus) << "nothing was stored";

  http::Request allowed = Post(kBureausPath, csrf_);
  SignIn(allowed, StaffRole::kSystemAdmin, "other-admin-session");
  EXPECT_EQ(routes_.Send(allowed).status, 303);
  EXPECT_EQ(app.bureaus.ListBureaus().size(), bureaus + 1);
}

// A state-changing request from another site is refused first, even with a valid token and a
// session that may do it (issue 16); one from our own address goes through.
TEST_F(PolicyChecks, AFormFromAnotherSiteIsRefusedBeforeAnythingElse) {
  const AppContext& app = test_.app();
  size_t bureaus = app.bureaus.ListBureaus().size();
  http::Request cross_site = Post(kBureausPath, csrf_);
  SignIn(cross_site, StaffRole::kSystemAdmin, "cross-site-session");
  cross_site.headers.push_back({"sec-fetch-site", "cross-site"});
  EXPECT_EQ(routes_.Send(cross_site).status, 403);

  http::Request foreign_origin = Post(kBureausPath, csrf_);
  SignIn(foreign_origin, StaffRole::kSystemAdmin, "foreign-origin-session");
  foreign_origin.headers.push_back({"host", "meldpunt.test"});
  foreign_origin.headers.push_back({"origin", "https://evil.example"});
  EXPECT_EQ(routes_.Send(foreign_origin).status, 403);
  foreign_origin.body = "%zz";  // not even the form is read
  EXPECT_EQ(routes_.Send(foreign_origin).status, 403);
  EXPECT_EQ(app.bureaus.ListBureaus().size(), bureaus) << "nothing was stored";

  http::Request own_origin = Post(kBureausPath, csrf_);
  SignIn(own_origin, StaffRole::kSystemAdmin, "own-origin-session");
  own_origin.headers.push_back({"host", "meldpunt.test"});
  own_origin.headers.push_back({"origin", "http://meldpunt.test"});
  own_origin.headers.push_back({"sec-fetch-site", "same-origin"});
  EXPECT_EQ(routes_.Send(own_origin).status, 303);
  EXPECT_EQ(app.bureaus.ListBureaus().size(), bureaus + 1);
}

TEST_F(PolicyChecks, AMalformedFormIsRefusedBeforeTheToken) {
  http::Request request = Post(kBureausPath, csrf_);
  request.body = "%zz";
  EXPECT_EQ(routes_.Send(request).status, 400);
}

}  // namespace
}  // namespace meldpunt::web
