#include "http/strict_framing.hpp"

#include <algorithm>
#include <cctype>

namespace meldpunt::http {

namespace {

std::string_view TrimOws(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

size_t HeaderBlockEnd(std::string_view bytes) {
  size_t start = bytes.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return std::string_view::npos;
  // A bare LF ends lines too, as far as finding the end goes: the parser then refuses them.
  for (size_t pos = bytes.find('\n', start); pos != std::string_view::npos;
       pos = bytes.find('\n', pos + 1)) {
    size_t next = pos + 1;
    if (next < bytes.size() && bytes[next] == '\r') ++next;
    if (next < bytes.size() && bytes[next] == '\n') return next + 1;
  }
  return std::string_view::npos;
}

bool HasObsFold(std::string_view header_block) {
  size_t start = header_block.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return false;
  header_block.remove_prefix(start);
  for (size_t pos = header_block.find('\n'); pos != std::string_view::npos;
       pos = header_block.find('\n', pos + 1)) {
    if (pos + 1 < header_block.size() &&
        (header_block[pos + 1] == ' ' || header_block[pos + 1] == '\t')) {
      return true;
    }
  }
  return false;
}

std::optional<std::string_view> FramingProblem(unsigned version,
                                               std::span<const HeaderLine> headers) {
  int hosts = 0;
  int transfer_encodings = 0;
  bool content_length = false;
  bool only_chunked = true;
  for (const auto& [name, value] : headers) {
    if (name == "host") ++hosts;
    if (name == "content-length") content_length = true;
    if (name == "transfer-encoding") {
      ++transfer_encodings;
      // The only coding we take is "chunked", alone: a list ("gzip, chunked"), a look-alike
      // ("xchunked") or any other coding is refused rather than guessed at.
      if (!EqualsIgnoringCase(TrimOws(value), "chunked")) only_chunked = false;
    }
  }
  if (transfer_encodings > 0) {
    if (version < 11) return "Transfer-Encoding on HTTP/1.0";
    if (transfer_encodings > 1 || !only_chunked) return "unknown transfer coding";
    if (content_length) return "Transfer-Encoding together with Content-Length";
  }
  if (hosts > 1) return "more than one Host";
  if (version >= 11 && hosts == 0) return "no Host on HTTP/1.1";
  return std::nullopt;
}

}  // namespace meldpunt::http
