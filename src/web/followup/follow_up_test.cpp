// The receipt's trip to the confirmation page, and the staff report paths.
#include <gtest/gtest.h>

#include "http/cookies.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/common/test_app.hpp"
#include "web/public/receipt_cookie.hpp"

namespace meldpunt::web {
namespace {

// A request that carries the cookie set by a Set-Cookie value.
http::Request WithCookieFrom(const std::string& set_cookie) {
  http::Request request;
  request.headers = {{"cookie", set_cookie.substr(0, set_cookie.find(';'))}};
  return request;
}

TEST(ReceiptCookie, CarriesTheReceiptForItsReferenceOnly) {
  TestApp test;
  const std::string receipt = "12345678901234567890";
  std::string set_cookie = ReceiptCookie(test.app(), "MP-2026-000001", receipt);
  EXPECT_EQ(set_cookie.find(receipt), std::string::npos) << "encrypted";
  EXPECT_NE(set_cookie.find("; Path=/melden/ontvangen"), std::string::npos);
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(set_cookie.find("; Max-Age=600"), std::string::npos);
  http::Request request = WithCookieFrom(set_cookie);
  EXPECT_EQ(ReceiptFromCookie(test.app(), request, "MP-2026-000001"), receipt);
  EXPECT_FALSE(ReceiptFromCookie(test.app(), request, "MP-2026-000002"))
      << "not shown on another report's confirmation";
  EXPECT_FALSE(ReceiptFromCookie(test.app(), http::Request{}, "MP-2026-000001"));
  http::Request forged;
  forged.headers = {{"cookie", "mp_receipt=v1:AAAA"}};
  EXPECT_FALSE(ReceiptFromCookie(test.app(), forged, "MP-2026-000001"));
}

TEST(StaffReportPath, ParsesIdAndAction) {
  auto plain = ParseStaffReportPath("/medewerkers/meldingen/42");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->id, 42);
  EXPECT_EQ(plain->action, "");
  auto step = ParseStaffReportPath("/medewerkers/meldingen/42/stap");
  ASSERT_TRUE(step);
  EXPECT_EQ(step->action, "stap");
  for (const char* bad :
       {"/medewerkers/meldingen/", "/medewerkers/meldingen/0", "/medewerkers/meldingen/-1",
        "/medewerkers/meldingen/4x", "/medewerkers/meldingen/42/",
        "/medewerkers/meldingen/99999999999999999999", "/medewerkers/meldingen"}) {
    EXPECT_FALSE(ParseStaffReportPath(bad)) << bad;
  }
}

}  // namespace
}  // namespace meldpunt::web
