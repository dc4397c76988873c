#pragma once
// Reading the Cookie header and writing Set-Cookie values.
#include <string>
#include <string_view>

namespace meldpunt::http {

std::string CookieValue(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Strict";
  long long max_age = -1;  // seconds; -1 for a cookie that ends with the browser session
  std::string path = "/";
};

// With secure, the name gets the __Host- prefix, which browsers accept only for Secure cookies
// with Path=/ and without a Domain: such a cookie cannot be set or read by another subdomain.
// A Secure cookie for a narrower path gets the __Secure- prefix instead (still not settable over
// plain HTTP).
std::string CookieName(std::string_view base_name, bool secure, std::string_view path = "/");
std::string SetCookie(std::string_view base_name, std::string_view value,
                      const CookieOptions& options);

}  // namespace meldpunt::http
