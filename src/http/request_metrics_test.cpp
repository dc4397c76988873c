#include "http/request_metrics.hpp"

#include <gtest/gtest.h>

namespace meldpunt::http {
namespace {

using std::chrono::microseconds;

Router TwoRoutes() {
  Router router;
  auto ok = [](const Request&) { return Response::Text(200, "ok"); };
  router.Add(Method::kGet, "/melden", ok);
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}", ok);
  return router;
}

TEST(RequestMetrics, CountsByRoutePatternNotByPath) {
  Router router = TwoRoutes();
  RequestMetrics metrics(router);
  auto found = router.Find(Method::kGet, "/medewerkers/meldingen/4711");
  metrics.Record(metrics.SlotOf(found.route), 200, microseconds(3'000));
  metrics.Record(metrics.SlotOf(router.Find(Method::kGet, "/medewerkers/meldingen/12").route), 404,
                 microseconds(1'000));
  metrics::Exposition out;
  metrics.Collect(out);
  const std::string& text = out.Text();
  EXPECT_NE(text.find("meldpunt_http_requests_total{method=\"GET\",route=\"/medewerkers/meldingen/"
                      "{id}\",code=\"200\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("route=\"/medewerkers/meldingen/{id}\",code=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_EQ(text.find("4711"), std::string::npos) << "no id in a label";
  EXPECT_NE(text.find("meldpunt_http_request_duration_seconds_count{method=\"GET\",route=\"/"
                      "medewerkers/meldingen/{id}\"} 2\n"),
            std::string::npos);
  EXPECT_EQ(text.find("route=\"/melden\""), std::string::npos) << "an idle route adds no lines";
}

TEST(RequestMetrics, UnknownPathsShareOneLabelAndOddStatusesTheirClass) {
  Router router = TwoRoutes();
  RequestMetrics metrics(router);
  for (const char* path : {"/wp-admin", "/MP-2026-000042", "/melden/x"}) {
    metrics.Record(metrics.SlotOf(router.Find(Method::kGet, path).route), 404, microseconds(10));
  }
  metrics.Record(metrics.InvalidSlot(), 400, microseconds(10));
  metrics.Record(metrics.SlotOf(router.Find(Method::kGet, "/melden").route), 299, microseconds(10));
  metrics::Exposition out;
  metrics.Collect(out);
  const std::string& text = out.Text();
  EXPECT_NE(text.find("meldpunt_http_requests_total{route=\"unmatched\",code=\"404\"} 3\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("meldpunt_http_requests_total{route=\"invalid\",code=\"400\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("route=\"/melden\",code=\"2xx\"} 1\n"), std::string::npos);
  EXPECT_EQ(text.find("MP-2026"), std::string::npos);
  EXPECT_EQ(text.find("wp-admin"), std::string::npos);
}

}  // namespace
}  // namespace meldpunt::http
