#pragma once
// The cookies and keys of a staff login: the session cookie (after the second factor), the
// short-lived "half-login" cookie between the password and the second factor, the device cookie
// that keeps a known browser out of the lockout an attacker causes elsewhere, and the keys under
// which failed attempts are counted.
#include <optional>
#include <string>

#include "http/message.hpp"
#include "store/login_store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// A half-login lasts this long: time to open the authenticator app and type a code.
inline constexpr long long kPendingLoginSeconds = 5 * 60;

// The key under which failed logins for a typed e-mail address are counted: a keyed hash of the
// address in lower case, the same whether or not an account has it (so the throttle tells
// nothing about which addresses exist). On a browser where this account logged in before (a
// valid device cookie for it), failures are counted under that device's own key instead, so an
// attacker's failures elsewhere never lock the owner out of their own browser.
std::string ThrottleKeyFor(const AppContext& app, const http::Request& request,
                           const std::string& email);

// Whether the key is that of a browser known for the account (a valid device cookie for it).
bool IsKnownDevice(const std::string& key);

// The ceiling on failed logins per client address (issue 14). Browsers known for the account do
// not count against it and are not stopped by it: an office behind one address is never locked
// out by an attacker (or by each other), while a sprayer without device cookies is bounded.
// When the address must wait before its next failure is checked: nullopt when it may try now.
std::optional<long long> AddressFailuresUntil(const AppContext& app, const http::Request& request,
                                              const std::string& key);
// Counts a failed login against the address, unless the browser is known for the account.
void CountAddressFailure(const AppContext& app, const http::Request& request,
                         const std::string& key);

// When the account behind the key may try again; nullopt when it may try now.
std::optional<long long> ThrottledUntil(const AppContext& app, const std::string& key);
// Counts a failure; returns when the account may try again if it must now wait.
std::optional<long long> CountFailure(const AppContext& app, const std::string& key);
// "You can try again at 14:05, in 3 minutes." in the visitor's language.
std::string RetryText(const AppContext& app, Lang lang, long long until);
// A response with the retry text: 429 with Retry-After.
void SetRetryAfter(const AppContext& app, http::Response& response, long long until);

// The session cookie for a new session (after the second factor), and the device cookie.
void IssueSessionCookies(const AppContext& app, http::Response& response, const std::string& token,
                         const std::string& email);
std::string SessionToken(const AppContext& app, const http::Request& request);
void ClearSessionCookie(const AppContext& app, http::Response& response);

// The half-login cookie: set after the password, cleared when the login completes.
void IssuePendingCookie(const AppContext& app, http::Response& response, const std::string& token);
void ClearPendingCookie(const AppContext& app, http::Response& response);
// The pending login named by the request's half-login cookie, when it has not expired.
struct CurrentPending {
  std::string token_hash;
  PendingLogin login;
};
std::optional<CurrentPending> PendingFor(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
