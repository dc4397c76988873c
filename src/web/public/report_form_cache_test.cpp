#include "web/public/report_form_cache.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include "web/common/bureau_faces.hpp"
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

std::string Gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + 15), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  EXPECT_EQ(stream.avail_in, 0u);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
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

// With gzip accepted, the body is the same form compressed, with the visitor's own values.
TEST(ReportFormCache, GzipBodyIsTheSameFormWithTheVisitorsValues) {
  TestApp test;
  ReportFormCache cache(test.app());
  for (const char* query : {"lang=nl", "lang=ar"}) {
    http::Request request;
    request.path = "/melden";
    request.query = query;
    request.headers = {{"accept-encoding", "gzip, deflate, br"}};
    http::Response first = cache.Serve(test.app(), request);
    std::string token = SetCookieValue(first, "mp_csrf");
    request.headers.push_back({"cookie", "mp_csrf=" + token});
    http::Response gzipped = cache.Serve(test.app(), request);
    EXPECT_EQ(gzipped.Header("Content-Encoding"), "gzip");
    EXPECT_EQ(gzipped.Header("Vary"), "Accept-Encoding");
    std::string html = Gunzip(gzipped.body);
    std::string key = HiddenValue(html, "submission_key");
    EXPECT_TRUE(IsSubmissionKey(key));
    EXPECT_EQ(html, RenderReportForm(test.app(), request, token, key).body) << query;
    EXPECT_LT(gzipped.body.size(), 15000u) << query;
    request.headers[0].second = "gzip;q=0, br";
    http::Response plain = cache.Serve(test.app(), request);
    EXPECT_FALSE(plain.Header("Content-Encoding"));
    EXPECT_EQ(plain.Header("Vary"), "Accept-Encoding");
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

// After a bureau changed its face, the form shows the new face and goes out compressed again.
TEST(ReportFormCache, AChangedFaceIsRenderedAgainAndStaysCompressed) {
  TestApp test;
  BureauFaces faces;
  faces.Reload(test.store());
  AppContext app = test.app();
  app.faces = &faces;
  ReportFormCache cache(app);
  BureauProfile profile;
  profile.public_name = "Meldpunt Zuidrand";
  ASSERT_TRUE(test.store().AddUser({"admin@example.nl", "x", StaffRole::kBureauAdmin, 1, ""}, 1));
  test.store().SaveBureauProfile(1, profile, test.store().FindUser("admin@example.nl")->id, 5);
  http::Request request;
  request.path = "/melden";
  request.headers = {{"accept-encoding", "gzip"}};
  EXPECT_EQ(Gunzip(cache.Serve(app, request).body).find("Meldpunt Zuidrand"), std::string::npos)
      << "not yet reloaded";
  ASSERT_TRUE(faces.Reload(test.store()));
  std::string token = SetCookieValue(cache.Serve(app, request), "mp_csrf");
  request.headers.push_back({"cookie", "mp_csrf=" + token});
  for (int i = 0; i < 2; ++i) {  // the first request after the change rendered anew; the same since
    http::Response response = cache.Serve(app, request);
    EXPECT_EQ(response.Header("Content-Encoding"), "gzip");
    std::string html = Gunzip(response.body);
    EXPECT_NE(html.find("Meldpunt Zuidrand"), std::string::npos);
    EXPECT_EQ(html,
              RenderReportForm(app, request, token, HiddenValue(html, "submission_key")).body);
  }
}

}  // namespace
}  // namespace meldpunt::web
