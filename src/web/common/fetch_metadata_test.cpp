#include "web/common/fetch_metadata.hpp"

#include <gtest/gtest.h>

namespace meldpunt::web {
namespace {

http::Request Post(std::vector<std::pair<std::string, std::string>> headers) {
  http::Request request;
  request.method = http::Method::kPost;
  request.headers = std::move(headers);
  return request;
}

TEST(FetchMetadata, OriginOfAUrl) {
  EXPECT_EQ(OriginOf("https://Meldpunt.Example/melden?x=1"), "https://meldpunt.example");
  EXPECT_EQ(OriginOf("https://meldpunt.example:443"), "https://meldpunt.example");
  EXPECT_EQ(OriginOf("http://localhost:8080/"), "http://localhost:8080");
  EXPECT_EQ(OriginOf("http://localhost:80"), "http://localhost");
  EXPECT_EQ(OriginOf("null"), "");
  EXPECT_EQ(OriginOf("ftp://meldpunt.example"), "");
  EXPECT_EQ(OriginOf("https://user@meldpunt.example"), "");
}

TEST(FetchMetadata, OnlyThePublicUrlCountsWhenItIsConfigured) {
  const char* ours = "https://meldpunt.example/";
  EXPECT_FALSE(FromAnotherSite(Post({{"origin", "https://meldpunt.example"}}), ours, true));
  EXPECT_FALSE(FromAnotherSite(Post({}), ours, true)) << "no browser headers: the token decides";
  EXPECT_FALSE(FromAnotherSite(Post({{"sec-fetch-site", "same-origin"}}), ours, true));
  EXPECT_TRUE(FromAnotherSite(Post({{"sec-fetch-site", "cross-site"}}), ours, true));
  EXPECT_TRUE(FromAnotherSite(
      Post({{"sec-fetch-site", "cross-site"}, {"origin", "https://meldpunt.example"}}), ours,
      true));
  EXPECT_TRUE(FromAnotherSite(Post({{"origin", "https://evil.example"}}), ours, true));
  EXPECT_TRUE(FromAnotherSite(Post({{"origin", "null"}}), ours, true));
  EXPECT_TRUE(FromAnotherSite(Post({{"origin", "http://meldpunt.example"}}), ours, true))
      << "another scheme is another origin";
  // The address the browser used is not enough once the public URL is set.
  EXPECT_TRUE(FromAnotherSite(Post({{"host", "10.0.0.5:8080"}, {"origin", "http://10.0.0.5:8080"}}),
                              ours, true));
}

TEST(FetchMetadata, WithoutAPublicUrlTheAddressUsedCountsToo) {
  const char* fallback = "http://localhost:8080";
  EXPECT_FALSE(FromAnotherSite(
      Post({{"host", "127.0.0.1:4321"}, {"origin", "http://127.0.0.1:4321"}}), fallback, false));
  EXPECT_FALSE(FromAnotherSite(Post({{"origin", "http://localhost:8080"}}), fallback, false));
  EXPECT_TRUE(FromAnotherSite(Post({{"host", "127.0.0.1:4321"}, {"origin", "http://evil.example"}}),
                              fallback, false));
  EXPECT_TRUE(FromAnotherSite(
      Post({{"host", "127.0.0.1:4321"}, {"origin", "http://127.0.0.1:9999"}}), fallback, false));
}

}  // namespace
}  // namespace meldpunt::web
