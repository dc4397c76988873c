#include "metrics/exposition.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "metrics/instruments.hpp"
#include "metrics/registry.hpp"

namespace meldpunt::metrics {
namespace {

TEST(MetricsExposition, WritesHelpTypeAndSamplesOfAFamily) {
  Exposition out;
  out.Family("meldpunt_reports_registered_total", "Reports registered, by channel.",
             Type::kCounter);
  out.Sample("meldpunt_reports_registered_total", {{"channel", "web"}}, 3);
  out.Sample("meldpunt_reports_registered_total", {{"channel", "phone"}}, 0);
  EXPECT_EQ(out.Text(),
            "# HELP meldpunt_reports_registered_total Reports registered, by channel.\n"
            "# TYPE meldpunt_reports_registered_total counter\n"
            "meldpunt_reports_registered_total{channel=\"web\"} 3\n"
            "meldpunt_reports_registered_total{channel=\"phone\"} 0\n");
}

TEST(MetricsExposition, EscapesLabelValuesAndHelp) {
  EXPECT_EQ(EscapeLabelValue("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
  EXPECT_EQ(EscapeHelp("line\\one\nline \"two\""), "line\\\\one\\nline \"two\"");
  Exposition out;
  out.Family("x_total", "Help with a\nnewline.", Type::kCounter);
  out.Sample("x_total", {{"route", "/a\"b"}}, 1);
  EXPECT_EQ(out.Text(),
            "# HELP x_total Help with a\\nnewline.\n# TYPE x_total counter\n"
            "x_total{route=\"/a\\\"b\"} 1\n");
}

TEST(MetricsExposition, FormatsValues) {
  EXPECT_EQ(FormatValue(0), "0");
  EXPECT_EQ(FormatValue(12345678), "12345678");
  EXPECT_EQ(FormatValue(0.25), "0.25");
  EXPECT_EQ(FormatValue(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(FormatValue(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(FormatValue(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

TEST(MetricsExposition, RefusesBadNamesFromTheCode) {
  EXPECT_TRUE(ValidMetricName("meldpunt_http_requests_total"));
  EXPECT_TRUE(ValidMetricName("a:b_c9"));
  EXPECT_FALSE(ValidMetricName("9lives"));
  EXPECT_FALSE(ValidMetricName("with-dash"));
  EXPECT_FALSE(ValidMetricName(""));
  EXPECT_FALSE(ValidLabelName("a:b"));
  EXPECT_FALSE(ValidLabelName("le"));  // the histogram's own label
  Exposition out;
  EXPECT_THROW(out.Family("bad name", "x", Type::kGauge), std::invalid_argument);
  EXPECT_THROW(out.Sample("x", {{"bad-label", "v"}}, 1), std::invalid_argument);
}

TEST(MetricsExposition, AFamilyStartedTwiceHasOneHeader) {
  Exposition out;
  out.Family("g", "A gauge.", Type::kGauge);
  out.Family("g", "A gauge.", Type::kGauge);
  out.Sample("g", {}, 2);
  EXPECT_EQ(out.Text(), "# HELP g A gauge.\n# TYPE g gauge\ng 2\n");
}

TEST(MetricsHistogram, BucketsAreCumulativeAndInfEqualsCount) {
  Histogram histogram({1'000, 10'000, 100'000}, 1e6);  // microseconds, shown in seconds
  histogram.Observe(500);                              // <= 1 ms
  histogram.Observe(1'000);                            // on the bound: counts in it
  histogram.Observe(50'000);                           // <= 100 ms
  histogram.Observe(2'000'000);                        // above every bound
  Exposition out;
  out.Family("d_seconds", "Durations.", Type::kHistogram);
  out.Histogram("d_seconds", {{"route", "/melden"}}, histogram.Snapshot());
  EXPECT_EQ(out.Text(),
            "# HELP d_seconds Durations.\n# TYPE d_seconds histogram\n"
            "d_seconds_bucket{route=\"/melden\",le=\"0.001\"} 2\n"
            "d_seconds_bucket{route=\"/melden\",le=\"0.01\"} 2\n"
            "d_seconds_bucket{route=\"/melden\",le=\"0.1\"} 3\n"
            "d_seconds_bucket{route=\"/melden\",le=\"+Inf\"} 4\n"
            "d_seconds_sum{route=\"/melden\"} 2.0515\n"
            "d_seconds_count{route=\"/melden\"} 4\n");
}

TEST(MetricsRegistry, RendersEveryCollectorAndSkipsOneThatFails) {
  Registry registry;
  Counter counter;
  counter.Add(2);
  registry.Add([&](Exposition& out) {
    out.Family("first_total", "First.", Type::kCounter);
    out.Sample("first_total", {}, static_cast<double>(counter.Value()));
  });
  registry.Add([](Exposition& out) {
    out.Family("broken", "Half written.", Type::kGauge);
    throw std::runtime_error("database down");
  });
  std::string text = registry.Render();
  EXPECT_NE(text.find("first_total 2\n"), std::string::npos);
  EXPECT_EQ(text.find("broken"), std::string::npos) << "no half family";
  EXPECT_NE(text.find("meldpunt_metrics_collector_errors_total 1\n"), std::string::npos);
}

}  // namespace
}  // namespace meldpunt::metrics
