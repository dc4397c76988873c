#include "http/compression.hpp"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <stdexcept>

namespace meldpunt::http {
namespace {

// What a browser does with a gzip body: zlib with gzip framing, which checks the CRC-32 and the
// length in the trailer and fails on anything after the member.
std::string Gunzip(const std::string& data) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + 15) != Z_OK) throw std::runtime_error("inflateInit2");
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&stream, Z_FINISH);
  size_t left = stream.avail_in;
  out.resize(stream.total_out);
  inflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("inflate: " + std::to_string(rc));
  if (left != 0) throw std::runtime_error("bytes after the gzip member");
  return out;
}

std::string Unbrotli(const std::string& data) {
  std::string out(1 << 20, '\0');
  size_t size = out.size();
  if (BrotliDecoderDecompress(data.size(), reinterpret_cast<const uint8_t*>(data.data()), &size,
                              reinterpret_cast<uint8_t*>(out.data())) !=
      BROTLI_DECODER_RESULT_SUCCESS) {
    throw std::runtime_error("brotli decode failed");
  }
  out.resize(size);
  return out;
}

std::string Page(size_t repeat) {
  std::string page;
  for (size_t i = 0; i < repeat; ++i) {
    page += "<p class=\"step\">Stap " + std::to_string(i) + ": wat is er gebeurd?</p>\n";
  }
  return page;
}

TEST(Compression, ChoosesByAcceptEncodingAndHonoursQZero) {
  EXPECT_EQ(ChooseEncoding(std::nullopt, true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("", true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip, deflate, br, zstd", true), Encoding::kBrotli);
  EXPECT_EQ(ChooseEncoding("gzip, deflate, br", false), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("gzip", true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("GZIP;Q=1", true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("x-gzip", true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br;q=0, gzip", true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br, gzip;q=0", false), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip;q=0", true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip; q=0.000", true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip;q=0.9, br;q=0.5", true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("*", true), Encoding::kBrotli);
  EXPECT_EQ(ChooseEncoding("*;q=0", true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("br;q=0, *", true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("identity", true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip;q=abc", true), Encoding::kIdentity);  // malformed: not offered
  EXPECT_EQ(ChooseEncoding("gzip;q=2", true), Encoding::kIdentity);
}

TEST(Compression, GzipAndBrotliRoundTrip) {
  std::string page = Page(400);
  std::string gz = GzipCompress(page);
  EXPECT_LT(gz.size(), page.size() / 4);
  EXPECT_EQ(Gunzip(gz), page);
  std::string br = BrotliCompress(page);
  EXPECT_LT(br.size(), page.size() / 4);
  EXPECT_EQ(Unbrotli(br), page);
  EXPECT_EQ(Gunzip(GzipCompress("")), "");
}

TEST(GzipSplice, DecompressesToExactlyTheConcatenation) {
  std::vector<std::string> parts = {Page(200), "\">\n<input name=\"submission_key\" value=\"",
                                    Page(300)};
  GzipSplice splice(parts);
  std::string token = "c2VjcmV0LXRva2VuLW9mLWEtdmlzaXRvcg.abc123";
  std::string key = "Zk9vQmFyQmF6UXV4";
  std::string body = splice.Build({token, key});
  EXPECT_EQ(Gunzip(body), parts[0] + token + parts[1] + key + parts[2]);
  // The fixed parts are compressed; the values travel as they are (stored blocks).
  EXPECT_NE(body.find(token), std::string::npos);
  EXPECT_NE(body.find(key), std::string::npos);
  EXPECT_EQ(body.size(), splice.FixedSize() + token.size() + key.size() + 2 * 5);
  EXPECT_LT(body.size(), (parts[0].size() + parts[2].size()) / 4);
}

TEST(GzipSplice, HandlesEmptyAndLargeValuesAndParts) {
  GzipSplice splice({"", "middle", ""});
  std::string large(200000, 'x');
  for (size_t i = 0; i < large.size(); i += 7) large[i] = static_cast<char>('a' + i % 26);
  EXPECT_EQ(Gunzip(splice.Build({"", ""})), "middle");
  EXPECT_EQ(Gunzip(splice.Build({large, "é"})), large + "middle" + "é");
  GzipSplice single({Page(10)});
  EXPECT_EQ(Gunzip(single.Build({})), Page(10));
  EXPECT_THROW(splice.Build({"one"}), std::invalid_argument);
}

}  // namespace
}  // namespace meldpunt::http
