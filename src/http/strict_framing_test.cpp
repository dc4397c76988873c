#include "http/strict_framing.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace meldpunt::http {
namespace {

using Headers = std::vector<HeaderLine>;

TEST(StrictFraming, FindsTheEndOfTheHeaderBlock) {
  std::string_view request = "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\n";
  EXPECT_EQ(HeaderBlockEnd(request), request.find("GET /next"));
  EXPECT_EQ(HeaderBlockEnd("GET / HTTP/1.1\r\nHost: a\r\n"), std::string_view::npos);
  // Empty lines before the request line are not its end.
  EXPECT_EQ(HeaderBlockEnd("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"), 31u);
  EXPECT_EQ(HeaderBlockEnd("\r\n"), std::string_view::npos);
  // Bare line feeds end it too (the parser then refuses them).
  EXPECT_EQ(HeaderBlockEnd("GET / HTTP/1.1\nHost: a\n\n"), 24u);
}

TEST(StrictFraming, SeesFoldedHeaderLines) {
  EXPECT_TRUE(HasObsFold("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n"));
  EXPECT_TRUE(HasObsFold("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n\ttwo\r\n\r\n"));
  EXPECT_TRUE(HasObsFold("GET / HTTP/1.1\r\n Host: a\r\n\r\n"));
  EXPECT_FALSE(HasObsFold("GET / HTTP/1.1\r\nHost: a\r\nX-A: one two\r\n\r\n"));
  EXPECT_FALSE(HasObsFold("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
}

TEST(StrictFraming, TakesPlainRequests) {
  EXPECT_EQ(FramingProblem(11, Headers{{"host", "a"}}), std::nullopt);
  EXPECT_EQ(FramingProblem(11, Headers{{"host", "a"}, {"content-length", "5"}}), std::nullopt);
  EXPECT_EQ(FramingProblem(11, Headers{{"host", "a"}, {"transfer-encoding", " Chunked "}}),
            std::nullopt);
  EXPECT_EQ(FramingProblem(10, Headers{}), std::nullopt);  // Host is optional on 1.0
  EXPECT_EQ(FramingProblem(10, Headers{{"content-length", "3"}}), std::nullopt);
}

TEST(StrictFraming, RefusesAmbiguousFraming) {
  EXPECT_EQ(
      FramingProblem(
          11, Headers{{"host", "a"}, {"transfer-encoding", "xchunked"}, {"content-length", "5"}}),
      "unknown transfer coding");
  EXPECT_EQ(FramingProblem(11, Headers{{"host", "a"}, {"transfer-encoding", "gzip, chunked"}}),
            "unknown transfer coding");
  EXPECT_EQ(FramingProblem(11, Headers{{"host", "a"},
                                       {"transfer-encoding", "chunked"},
                                       {"transfer-encoding", "chunked"}}),
            "unknown transfer coding");
  EXPECT_EQ(
      FramingProblem(
          11, Headers{{"host", "a"}, {"transfer-encoding", "chunked"}, {"content-length", "5"}}),
      "Transfer-Encoding together with Content-Length");
  EXPECT_EQ(FramingProblem(10, Headers{{"transfer-encoding", "chunked"}}),
            "Transfer-Encoding on HTTP/1.0");
}

TEST(StrictFraming, WantsExactlyOneHostOnHttp11) {
  EXPECT_EQ(FramingProblem(11, Headers{}), "no Host on HTTP/1.1");
  EXPECT_EQ(FramingProblem(11, Headers{{"host", "a"}, {"host", "b"}}), "more than one Host");
  EXPECT_EQ(FramingProblem(10, Headers{{"host", "a"}, {"host", "a"}}), "more than one Host");
}

}  // namespace
}  // namespace meldpunt::http
