// The Cookie header (http/cookies.hpp). The input's first line is the cookie's name, the rest the
// header. A value found is part of the header; and a cookie written by SetCookie is read back
// unchanged from a header that holds it among others.
#include <string>

#include "check.hpp"
#include "http/cookies.hpp"
#include "http/message.hpp"

namespace {

// cookie-octet (RFC 6265 section 4.1.1): what a server may put in a cookie value.
bool IsCookieOctet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

bool IsTokenChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  auto [name, header] = fuzz::SplitFirstLine(fuzz::AsText(data, size));
  std::string value = http::CookieValue(header, name);
  if (!value.empty()) {
    FUZZ_CHECK(header.find(value) != std::string_view::npos);
  }
  http::Request request;
  request.headers.emplace_back("cookie", std::string(header));
  FUZZ_CHECK(request.Cookie(name) == value);

  // Round trip: the header's bytes as a value, when a server could have set them.
  std::string_view candidate = header.substr(0, 64);
  bool octets = true;
  for (unsigned char c : candidate) octets = octets && IsCookieOctet(c);
  bool token = !name.empty() && name.size() <= 32;
  for (unsigned char c : name) token = token && IsTokenChar(c);
  if (octets && token) {
    http::CookieOptions options;
    options.secure = (size & 1) != 0;
    std::string set = http::SetCookie(name, candidate, options);
    std::string pair = set.substr(0, set.find(';'));  // what the browser sends back
    std::string full_name = http::CookieName(name, options.secure);
    FUZZ_CHECK(pair == full_name + "=" + std::string(candidate));
    std::string sent = "other_" + full_name + "=1; " + pair + "; " + full_name + "_x=2";
    std::string back = http::CookieValue(sent, full_name);
    // A quoted value ("abc") is read without its quotes, as RFC 6265 allows.
    bool quoted = candidate.size() >= 2 && candidate.front() == '"' && candidate.back() == '"';
    FUZZ_CHECK(quoted || back == candidate);
  }
  return 0;
}
