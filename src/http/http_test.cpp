#include <gtest/gtest.h>

#include "http/cookies.hpp"
#include "http/form.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace meldpunt::http {
namespace {

TEST(Form, DecodesPercentAndPlus) {
  auto form = ParseFormFields("description=Hallo+wereld%21&anonymous=yes&x=%3Cb%3E", 10);
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("description"), "Hallo wereld!");
  EXPECT_EQ(form->Get("anonymous"), "yes");
  EXPECT_EQ(form->Get("x"), "<b>");
  EXPECT_EQ(form->Get("missing"), "");
}

TEST(Form, LimitsFieldCountAndRejectsBadEncoding) {
  EXPECT_FALSE(ParseFormFields("a=1&b=2&c=3", 2).ok());
  EXPECT_FALSE(ParseFormFields("a=%zz", 10).ok());
  EXPECT_TRUE(ParseFormFields("", 0).ok());
}

TEST(Form, KeepsRepeatedFields) {
  auto form = ParseFormFields("g=1&g=2", 10);
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->GetAll("g"), (std::vector<std::string>{"1", "2"}));
}

// Found by fuzz/form_fuzz.cpp: Boost.URL 1.81's parse_query measures its input with strlen
// (boostorg/url#946), so bytes without a NUL after them were read past their end (AddressSanitizer
// reports it in the asan build).
TEST(Form, ReadsOnlyTheGivenBytes) {
  const std::vector<char> bytes = {'a', '=', '1', '&', 'b', '=', '2'};  // no NUL anywhere
  auto form = ParseFormFields(std::string_view(bytes.data(), 3), 10);
  ASSERT_TRUE(form.ok());
  ASSERT_EQ(form->fields.size(), 1u);
  EXPECT_EQ(form->Get("a"), "1");
  EXPECT_EQ(form->Get("b"), "");
}

TEST(Cookies, ReadsOneCookieAmongMany) {
  EXPECT_EQ(CookieValue("a=1; mp_csrf=tok.en; b=2", "mp_csrf"), "tok.en");
  EXPECT_EQ(CookieValue("xmp_csrf=1", "mp_csrf"), "");
  EXPECT_EQ(CookieValue("", "a"), "");
}

TEST(Cookies, SecureCookiesGetTheHostPrefix) {
  EXPECT_EQ(SetCookie("mp_staff", "v", {.secure = true}),
            "__Host-mp_staff=v; Path=/; HttpOnly; Secure; SameSite=Strict");
  EXPECT_EQ(SetCookie("mp_staff", "", {.secure = false, .max_age = 0}),
            "mp_staff=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
}

TEST(Cookies, SecureCookiesForANarrowerPathGetTheSecurePrefix) {
  EXPECT_EQ(
      SetCookie("mp_receipt", "v", {.secure = true, .max_age = 600, .path = "/melden/x"}),
      "__Secure-mp_receipt=v; Path=/melden/x; Max-Age=600; HttpOnly; Secure; SameSite=Strict");
  EXPECT_EQ(SetCookie("mp_receipt", "v", {.path = "/melden/x"}),
            "mp_receipt=v; Path=/melden/x; HttpOnly; SameSite=Strict");
  EXPECT_EQ(CookieName("mp_receipt", true, "/melden/x"), "__Secure-mp_receipt");
  EXPECT_EQ(CookieName("mp_staff", true), "__Host-mp_staff");
}

TEST(Target, AcceptsOriginFormAndRefusesTraversal) {
  std::string path, query;
  EXPECT_TRUE(DecodeTarget("/melden?lang=en", path, query));
  EXPECT_EQ(path, "/melden");
  EXPECT_EQ(query, "lang=en");
  EXPECT_FALSE(DecodeTarget("http://example.nl/", path, query));
  EXPECT_FALSE(DecodeTarget("/static/../secret", path, query));
  EXPECT_FALSE(DecodeTarget("/static/%2e%2e/secret", path, query));
  EXPECT_FALSE(DecodeTarget("/a%00b", path, query));
  EXPECT_FALSE(DecodeTarget("*", path, query));
  EXPECT_TRUE(DecodeTarget("/static/site..css", path, query));
}

TEST(Router, FindsRoutesAndReportsAllowedMethods) {
  Router router;
  router.Add(Method::kGet, "/melden", [](const Request&) { return Response::Text(200, "form"); });
  router.Add(Method::kPost, "/melden", [](const Request&) { return Response::Text(200, "sent"); });
  router.Add(Method::kGet, "/static/", [](const Request&) { return Response::Text(200, "file"); });
  EXPECT_NE(router.Find(Method::kGet, "/melden").route, nullptr);
  EXPECT_NE(router.Find(Method::kHead, "/melden").route, nullptr);
  EXPECT_NE(router.Find(Method::kGet, "/static/css/site.css").route, nullptr);
  auto missing = router.Find(Method::kDelete, "/melden");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_EQ(missing.allow, "GET, HEAD, POST");
  EXPECT_EQ(router.Find(Method::kGet, "/nothing").allow, "");
}

TEST(Router, MatchesSegmentPatternsAndKeepsBodyLimits) {
  Router router;
  auto ok = [](const Request&) { return Response::Text(200, "ok"); };
  router.Add(Method::kGet, "/medewerkers/meldingen", ok);
  router.Add(Method::kGet, "/medewerkers/meldingen/{report}/bestanden/{file}", ok);
  router.Add(Method::kPost, "/melden", ok, Runs::kOnWorker, 26u << 20);
  EXPECT_NE(router.Find(Method::kGet, "/medewerkers/meldingen/12/bestanden/3").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/medewerkers/meldingen/12/bestanden/").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/medewerkers/meldingen//bestanden/3").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/medewerkers/meldingen/12/bestanden/3/x").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/medewerkers/meldingen/12/andere/3").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/medewerkers/meldingen").route->body_limit, 0u);
  EXPECT_EQ(router.Find(Method::kPost, "/melden").route->body_limit, 26u << 20);
  EXPECT_EQ(router.MaxBodyLimit(), 26u << 20);
  EXPECT_EQ(Router().MaxBodyLimit(), 0u);
}

TEST(SecurityHeaders, AreAddedWithoutOverridingChosenCaching) {
  Response response = Response::Text(200, "x");
  AddSecurityHeaders(response, false);
  EXPECT_EQ(*response.Header("Cache-Control"), "no-store");
  EXPECT_NE(response.Header("Content-Security-Policy")->find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_FALSE(response.Header("Strict-Transport-Security"));
  Response cached = Response::Text(200, "x");
  cached.Set("Cache-Control", "public, max-age=3600");
  AddSecurityHeaders(cached, true);
  EXPECT_EQ(*cached.Header("Cache-Control"), "public, max-age=3600");
  EXPECT_TRUE(cached.Header("Strict-Transport-Security"));
  Response download = Response::Text(200, "x");
  download.Set("Content-Security-Policy", "sandbox; default-src 'none'");
  AddSecurityHeaders(download, false);
  EXPECT_EQ(*download.Header("Content-Security-Policy"), "sandbox; default-src 'none'");
}

TEST(Request, ReadsQueryParametersAndCookies) {
  Request request;
  request.query = "lang=en&jaar=2025";
  request.headers = {{"cookie", "mp_lang=nl; mp_csrf=abc"}};
  EXPECT_EQ(request.QueryParam("jaar"), "2025");
  EXPECT_EQ(request.Cookie("mp_csrf"), "abc");
}

}  // namespace
}  // namespace meldpunt::http
