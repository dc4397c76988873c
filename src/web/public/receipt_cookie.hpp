#pragma once
// The receipt code on its way from POST /melden to the confirmation page. It must never be in a
// URL, a log or a cookie in clear, and the form's 303 answer must stay (a reload of the
// confirmation page must not send the report again, and every client of POST /melden relies on
// it). So the code travels in a short-lived cookie, encrypted with a key of its own, HttpOnly,
// SameSite=Strict, only for the confirmation page's path, and bound to the report's reference.
#include <optional>
#include <string>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// Long enough to read, write down and print; short enough that the next person at a shared
// computer does not find the code behind the back button.
inline constexpr long long kReceiptCookieSeconds = 10 * 60;

// The Set-Cookie value that hands the receipt for this reference to the confirmation page.
std::string ReceiptCookie(const AppContext& app, const std::string& reference,
                          const std::string& receipt);
// The receipt from the request's cookie, when it is for this reference and not expired.
std::optional<std::string> ReceiptFromCookie(const AppContext& app, const http::Request& request,
                                             const std::string& reference);

}  // namespace meldpunt::web
