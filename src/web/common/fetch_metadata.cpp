#include "web/common/fetch_metadata.hpp"

#include <cctype>

namespace meldpunt::web {

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

std::string OriginOf(std::string_view url) {
  std::string text = Lower(url);
  std::string_view scheme;
  if (text.starts_with("http://")) {
    scheme = "http";
  } else if (text.starts_with("https://")) {
    scheme = "https";
  } else {
    return "";
  }
  std::string authority = text.substr(scheme.size() + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string::npos) return "";
  std::string_view default_port = scheme == "http" ? ":80" : ":443";
  if (authority.ends_with(default_port)) authority.resize(authority.size() - default_port.size());
  return std::string(scheme) + "://" + authority;
}

bool FromAnotherSite(const http::Request& request, std::string_view public_url,
                     bool public_url_configured) {
  if (auto site = request.Header("sec-fetch-site"); site && Lower(*site) == "cross-site") {
    return true;
  }
  auto origin = request.Header("origin");
  if (!origin) return false;
  std::string theirs = OriginOf(*origin);  // "null" and anything not http(s) give ""
  if (theirs.empty()) return true;
  if (theirs == OriginOf(public_url)) return false;
  if (!public_url_configured) {
    if (auto host = request.Header("host"); host && !host->empty()) {
      return theirs != OriginOf("http://" + std::string(*host));
    }
  }
  return true;
}

}  // namespace meldpunt::web
