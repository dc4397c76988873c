#include "http/compression.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace meldpunt::http {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsLower(std::string_view a, std::string_view lower) {
  return a.size() == lower.size() && std::equal(a.begin(), a.end(), lower.begin(),
                                                [](char x, char y) { return Lower(x) == y; });
}

// The q-value of one Accept-Encoding element ("gzip;q=0.5"): 1 without one, 0 when malformed.
double QValue(std::string_view params) {
  size_t pos = 0;
  while (pos < params.size()) {
    size_t semicolon = params.find(';', pos);
    std::string_view param = Trim(
        params.substr(pos, semicolon == std::string_view::npos ? params.npos : semicolon - pos));
    if (param.size() >= 2 && Lower(param[0]) == 'q' && param[1] == '=') {
      std::string value(Trim(param.substr(2)));
      char* end = nullptr;
      double q = std::strtod(value.c_str(), &end);
      if (value.empty() || end != value.c_str() + value.size() || !(q >= 0) || q > 1) return 0;
      return q;
    }
    if (semicolon == std::string_view::npos) break;
    pos = semicolon + 1;
  }
  return 1;
}

void PutLittleEndian32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// Raw deflate of data in a fresh stream: ends on a byte boundary without BFINAL (Z_FULL_FLUSH),
// or, for the last segment, ends the deflate stream (Z_FINISH).
std::string RawDeflate(std::string_view data, bool last) {
  z_stream stream{};
  if (deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, data.size()) + 16, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&stream, last ? Z_FINISH : Z_FULL_FLUSH);
  bool ok = last ? rc == Z_STREAM_END : rc == Z_OK && stream.avail_in == 0;
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (!ok) throw std::runtime_error("deflate failed");
  return out;
}

// Stored deflate blocks (BTYPE 00, BFINAL 0) holding bytes; the stream is byte-aligned before.
void AppendStored(std::string& out, std::string_view bytes) {
  do {
    size_t n = std::min<size_t>(bytes.size(), 0xffff);
    out.push_back('\0');  // BFINAL 0, BTYPE 00, padded to the byte boundary
    auto len = static_cast<std::uint16_t>(n);
    auto nlen = static_cast<std::uint16_t>(~len);
    out.push_back(static_cast<char>(len & 0xff));
    out.push_back(static_cast<char>(len >> 8));
    out.push_back(static_cast<char>(nlen & 0xff));
    out.push_back(static_cast<char>(nlen >> 8));
    out.append(bytes.substr(0, n));
    bytes.remove_prefix(n);
  } while (!bytes.empty());
}

constexpr char kGzipHeader[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 2, 3};  // deflate, best, Unix

std::uint32_t Crc(std::string_view data) {
  return static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kGzip:
      return "gzip";
    case Encoding::kBrotli:
      return "br";
    default:
      return "identity";
  }
}

Encoding ChooseEncoding(std::optional<std::string_view> accept_encoding, bool brotli_offered) {
  if (!accept_encoding) return Encoding::kIdentity;
  std::optional<double> gzip, brotli, any;
  std::string_view list = *accept_encoding;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    std::string_view element =
        list.substr(pos, comma == std::string_view::npos ? list.npos : comma - pos);
    size_t semicolon = element.find(';');
    std::string_view coding = Trim(element.substr(0, semicolon));
    double q = semicolon == std::string_view::npos ? 1 : QValue(element.substr(semicolon + 1));
    if (EqualsLower(coding, "gzip") || EqualsLower(coding, "x-gzip")) {
      gzip = std::max(gzip.value_or(0), q);
    } else if (EqualsLower(coding, "br")) {
      brotli = std::max(brotli.value_or(0), q);
    } else if (coding == "*") {
      any = q;
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  double gzip_q = gzip.value_or(any.value_or(0));
  double brotli_q = brotli_offered ? brotli.value_or(any.value_or(0)) : 0;
  if (brotli_q > 0 && brotli_q >= gzip_q) return Encoding::kBrotli;
  if (gzip_q > 0) return Encoding::kGzip;
  return Encoding::kIdentity;
}

std::string GzipCompress(std::string_view data) {
  std::string out(kGzipHeader, sizeof kGzipHeader);
  out += RawDeflate(data, true);
  PutLittleEndian32(out, Crc(data));
  PutLittleEndian32(out, static_cast<std::uint32_t>(data.size()));
  return out;
}

std::string BrotliCompress(std::string_view data) {
  size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) size = data.size() + 1024;
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                             data.size(), reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data()))) {
    throw std::runtime_error("brotli compression failed");
  }
  out.resize(size);
  return out;
}

GzipSplice::GzipSplice(const std::vector<std::string>& parts) {
  if (parts.empty()) throw std::invalid_argument("GzipSplice needs at least one part");
  for (size_t i = 0; i < parts.size(); ++i) {
    segments_.push_back({RawDeflate(parts[i], i + 1 == parts.size()), Crc(parts[i]),
                         parts[i].size(),
                         crc32_combine_gen(static_cast<z_off_t>(parts[i].size()))});
  }
}

size_t GzipSplice::FixedSize() const {
  size_t size = sizeof kGzipHeader + 8;
  for (const auto& s : segments_) size += s.deflated.size();
  return size;
}

std::string GzipSplice::Build(const std::vector<std::string_view>& values) const {
  if (values.size() + 1 != segments_.size()) {
    throw std::invalid_argument("GzipSplice::Build: wrong number of values");
  }
  size_t size = FixedSize();
  for (auto v : values) size += v.size() + 5 * (v.size() / 0xffff + 1);
  std::string out;
  out.reserve(size);
  out.append(kGzipHeader, sizeof kGzipHeader);
  uLong crc = 0;
  std::uint64_t length = 0;
  for (size_t i = 0; i < segments_.size(); ++i) {
    const Segment& segment = segments_[i];
    out += segment.deflated;
    // The fixed part's CRC is appended with its precomputed operator (crc32_combine_op); the
    // value's bytes simply continue the running CRC.
    crc = crc32_combine_op(crc, segment.crc, segment.append);
    length += segment.length;
    if (i < values.size()) {
      AppendStored(out, values[i]);
      crc = crc32(crc, reinterpret_cast<const Bytef*>(values[i].data()),
                  static_cast<uInt>(values[i].size()));
      length += values[i].size();
    }
  }
  PutLittleEndian32(out, static_cast<std::uint32_t>(crc));
  PutLittleEndian32(out, static_cast<std::uint32_t>(length));
  return out;
}

}  // namespace meldpunt::http
