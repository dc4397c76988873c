#pragma once
// Compressed responses (issue 16): gzip (zlib) and brotli, chosen by Accept-Encoding, always made
// ahead of time (static files at start, the report form per language), never per request.
//
// A page that is the same for everyone but for a few per-visitor values (the anti-forgery token,
// the form's submission key) is served gzip by splicing: its fixed parts are compressed once as
// raw deflate segments that each end on a byte boundary (Z_FULL_FLUSH), and at request time the
// per-visitor values go between them as *stored* (uncompressed) deflate blocks; the gzip header
// is fixed and the trailer's CRC-32 is combined from the parts' CRCs (crc32_combine). The secret
// is never compressed together with anything, so its length on the wire tells nothing (BREACH).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt::http {

enum class Encoding { kIdentity, kGzip, kBrotli };

// "gzip", "br" or "identity".
std::string_view EncodingName(Encoding encoding);

// The best coding the client accepts (RFC 9110 12.5.3): the highest q-value among those offered
// ("*" counts for codings it does not name, q=0 refuses), brotli before gzip at the same q, and
// identity when neither is acceptable or the header is missing. brotli_offered: whether the
// response exists in brotli at all.
Encoding ChooseEncoding(std::optional<std::string_view> accept_encoding, bool brotli_offered);

// A whole gzip member (RFC 1952) of data, zlib level 9.
std::string GzipCompress(std::string_view data);
// A brotli stream (RFC 7932) of data, at the best quality with a text hint.
std::string BrotliCompress(std::string_view data);

// Compresses the fixed parts of a page once; Build then makes the gzip body for given values.
class GzipSplice {
 public:
  // parts.size() fixed parts surround parts.size() - 1 values: part0 value0 part1 ... partN.
  explicit GzipSplice(const std::vector<std::string>& parts);
  // The gzip member of part0 + values[0] + part1 + ...; values.size() must be parts - 1.
  std::string Build(const std::vector<std::string_view>& values) const;
  // The compressed bytes of the fixed parts together.
  size_t FixedSize() const;

 private:
  struct Segment {
    std::string deflated;  // raw deflate; the last one ends the stream (BFINAL)
    std::uint32_t crc = 0;
    size_t length = 0;         // uncompressed
    unsigned long append = 0;  // crc32_combine_gen(length): appends this segment's CRC quickly
  };
  std::vector<Segment> segments_;
};

}  // namespace meldpunt::http
