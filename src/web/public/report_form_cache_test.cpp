#include "web/public/report_form_cache.hpp"

#include <gtest/gtest.h>

#include "web/common/test_app.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

std::string SetCookieValue(const http::Response& response, std::string_view name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "Set-Cookie" && value.starts_with(std::string(name) + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return {};
}

std::string HiddenValue(const std::string& html, const std::string& name) {
  std::string marker = "name=\"" + name + "\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return {};
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

// The cached form must be byte for byte what rendering it afresh gives, in every language.
TEST(ReportFormCache, ServesExactlyTheFreshlyRenderedForm) {
  TestApp test;
  ReportFormCache cache(test.app());
  for (const char* query : {"", "lang=nl", "lang=en"}) {
    http::Request request;
    request.path = "/melden";
    request.query = query;
    http::Response first = cache.Serve(test.app(), request);
    std::string token = SetCookieValue(first, "mp_csrf");
    ASSERT_FALSE(token.empty()) << "a first visit gets a token cookie";
    request.headers = {{"cookie", "mp_csrf=" + token}};
    http::Response cached = cache.Serve(test.app(), request);
    EXPECT_TRUE(SetCookieValue(cached, "mp_csrf").empty()) << "a valid token is kept, not replaced";
    std::string key = HiddenValue(cached.body, "submission_key");
    EXPECT_TRUE(IsSubmissionKey(key));
    EXPECT_EQ(cached.body, RenderReportForm(test.app(), request, token, key).body) << query;
    EXPECT_NE(HiddenValue(cache.Serve(test.app(), request).body, "submission_key"), key)
        << "every form gets its own submission key";
    EXPECT_NE(cached.body.find("value=\"" + token + "\""), std::string::npos);
    EXPECT_EQ(SetCookieValue(cached, "mp_lang").empty(), std::string(query).empty());
  }
}

TEST(ReportFormCache, EnglishAndDutchDiffer) {
  TestApp test;
  ReportFormCache cache(test.app());
  http::Request dutch, english;
  dutch.path = english.path = "/melden";
  english.query = "lang=en";
  EXPECT_NE(cache.Serve(test.app(), dutch).body.find("Discriminatie melden"), std::string::npos);
  EXPECT_NE(cache.Serve(test.app(), english).body.find("Report discrimination"), std::string::npos);
}

}  // namespace
}  // namespace meldpunt::web
