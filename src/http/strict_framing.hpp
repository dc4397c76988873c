#pragma once
// Strict HTTP/1.1 message framing (RFC 9112): what the server refuses with 400 and a closed
// connection before it reads a body, so that no two parsers (ours and a proxy's) can disagree on
// where one request ends and the next begins (request smuggling).
#include <optional>
#include <span>
#include <string_view>

namespace meldpunt::http {

struct HeaderLine {
  std::string_view name;  // lower case
  std::string_view value;
};

// Where the header block in these bytes ends (just after its empty line), or npos when it has not
// all arrived yet. Empty lines before the request line are skipped (RFC 9112 section 2.2).
size_t HeaderBlockEnd(std::string_view bytes);

// A header line continued on the next line by leading white space (obs-fold, RFC 9112 5.2).
bool HasObsFold(std::string_view header_block);

// Why this header cannot frame a request we accept, or nothing when it can: Transfer-Encoding
// other than exactly "chunked", Transfer-Encoding with Content-Length, Transfer-Encoding on
// HTTP/1.0, and on HTTP/1.1 a missing Host or more than one.
// version is 10 or 11, as Beast gives it.
std::optional<std::string_view> FramingProblem(unsigned version,
                                               std::span<const HeaderLine> headers);

}  // namespace meldpunt::http
