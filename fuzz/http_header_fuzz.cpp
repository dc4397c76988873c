// The request header as the server reads it (http/server.cpp, http/strict_framing.hpp): the raw
// bytes are read until HeaderBlockEnd finds the empty line, checked for obs-fold, parsed by Beast
// under the header limit, and then checked for framing (Transfer-Encoding, Content-Length, Host).
// The steps are replayed here on one buffer, with the real functions and the real Beast parser.
// Invariants: Beast sees no whole header where the pre-read would read on; the pre-read's end is
// a line end; where Beast accepts a header (within the limit, as the server counts it), it ends
// exactly where the pre-read said (else the obs-fold check would have looked at other bytes than
// Beast parsed); and a header that passes the framing check frames the request one way only.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <string>
#include <vector>

#include "check.hpp"
#include "http/strict_framing.hpp"

namespace {

// ServerOptions::header_limit is 8 KiB; a smaller limit here lets inputs of libFuzzer's usual
// length reach it. Beast and the pre-read treat any limit the same way.
constexpr size_t kHeaderLimit = 1024;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  namespace bhttp = boost::beast::http;
  std::string_view bytes = fuzz::AsText(data, size);

  bhttp::request_parser<bhttp::empty_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(kHeaderLimit));
  parser.eager(false);
  boost::beast::error_code ec;
  size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  bool beast_accepts = !ec && parser.is_header_done();
  // Beast's own limit is not exact (it took a header of 1,047 bytes under a limit of 1,024 as
  // soon as this target ran), which is why the server counts the header's bytes itself and
  // answers 431 past the limit: as here.
  if (beast_accepts && used > kHeaderLimit) beast_accepts = false;

  size_t end = http::HeaderBlockEnd(bytes);
  if (end == std::string_view::npos) {
    // The pre-read would read on (or stop at the limit): Beast must not see a whole header here.
    FUZZ_CHECK(!beast_accepts);
    return 0;
  }
  FUZZ_CHECK(end >= 2 && end <= bytes.size() && bytes[end - 1] == '\n');
  bool obs_fold = http::HasObsFold(bytes.substr(0, end));
  if (!beast_accepts) return 0;  // 400 or 431
  FUZZ_CHECK(used == end);
  if (obs_fold) return 0;  // refused before Beast's result is looked at

  std::vector<std::string> names;
  std::vector<http::HeaderLine> headers;
  const auto& message = parser.get();
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    names.push_back(std::move(name));
  }
  size_t i = 0;
  int hosts = 0, codings = 0, lengths = 0;
  for (const auto& field : message) {
    const std::string& name = names[i++];
    headers.push_back({name, {field.value().data(), field.value().size()}});
    hosts += name == "host";
    codings += name == "transfer-encoding";
    lengths += name == "content-length";
  }
  auto problem = http::FramingProblem(message.version(), headers);
  if (!problem) {
    FUZZ_CHECK(hosts <= 1);
    FUZZ_CHECK(message.version() < 11 || hosts == 1);
    FUZZ_CHECK(codings == 0 || (codings == 1 && lengths == 0 && message.version() >= 11));
    FUZZ_CHECK(codings == 0 || parser.chunked());
  }
  return 0;
}
