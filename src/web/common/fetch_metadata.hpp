#pragma once
// Requests sent from another site (issue 16): a browser says where a request comes from with
// Sec-Fetch-Site and Origin. A state-changing request from another site is refused, before its
// form is read, in one place: the route policies (web/common/route_policy.cpp).
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace meldpunt::web {

// The origin of an absolute http(s) URL: "scheme://host[:port]" in lower case, without a default
// port (80 for http, 443 for https) and without path; empty when the URL has none.
std::string OriginOf(std::string_view url);

// Whether this request comes from another site: Sec-Fetch-Site says "cross-site", or Origin is
// present and is not the public URL's origin. When the public URL was not configured, the origin
// of the address the browser used (http:// and the Host header) is ours too. A request without
// either header (a non-browser client, an old browser) is not refused here: its anti-forgery
// token still is checked.
bool FromAnotherSite(const http::Request& request, std::string_view public_url,
                     bool public_url_configured);

}  // namespace meldpunt::web
