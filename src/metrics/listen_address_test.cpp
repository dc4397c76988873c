#include "metrics/listen_address.hpp"

#include <gtest/gtest.h>

namespace meldpunt::metrics {
namespace {

TEST(MetricsListenAddress, ReadsHostAndPort) {
  auto v4 = ParseListenAddress("127.0.0.1:9464");
  ASSERT_TRUE(v4) << v4.error();
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 9464);
  auto v6 = ParseListenAddress("[::1]:9464");
  ASSERT_TRUE(v6) << v6.error();
  EXPECT_EQ(v6->host, "::1");
  auto any = ParseListenAddress("127.0.0.1:0");  // a free port, as --port 0
  ASSERT_TRUE(any);
  EXPECT_EQ(any->port, 0);
}

TEST(MetricsListenAddress, RefusesWhatIsNotHostColonPort) {
  for (const char* bad : {"9464", "127.0.0.1", ":9464", "127.0.0.1:", "127.0.0.1:99999",
                          "127.0.0.1:94x", "::1:9464", "[::1]9464", "[::1"}) {
    auto parsed = ParseListenAddress(bad);
    EXPECT_FALSE(parsed) << bad;
    if (!parsed) EXPECT_NE(parsed.error().find(bad), std::string::npos) << "names what was given";
  }
}

}  // namespace
}  // namespace meldpunt::metrics
