#include "http/cookies.hpp"

namespace meldpunt::http {

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      auto value = pair.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return {};
}

std::string CookieName(std::string_view base_name, bool secure, std::string_view path) {
  if (!secure) return std::string(base_name);
  return (path == "/" ? "__Host-" : "__Secure-") + std::string(base_name);
}

std::string SetCookie(std::string_view base_name, std::string_view value,
                      const CookieOptions& options) {
  std::string out = CookieName(base_name, options.secure, options.path) + "=" + std::string(value) +
                    "; Path=" + options.path;
  if (options.max_age >= 0) out += "; Max-Age=" + std::to_string(options.max_age);
  if (options.http_only) out += "; HttpOnly";
  if (options.secure) out += "; Secure";
  if (!options.same_site.empty()) out += "; SameSite=" + options.same_site;
  return out;
}

}  // namespace meldpunt::http
