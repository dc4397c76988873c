#include "web/accounts/staff_login_state.hpp"

#include <algorithm>
#include <cmath>

#include "domain/dutch_time.hpp"
#include "http/cookies.hpp"
#include "security/crypto.hpp"
#include "store/login_store.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kSessionCookie = "mp_staff";
constexpr std::string_view kPendingCookie = "mp_login";
constexpr std::string_view kDeviceCookie = "mp_device";
constexpr long long kDeviceCookieSeconds = 180LL * 24 * 3600;
constexpr size_t kMaxCookieChars = 300;

std::string AccountHash(const AppContext& app, const std::string& email) {
  std::string lower = email;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // The signature is an HMAC under the server's signing key: without the key file, the stored
  // value cannot be matched to an address.
  return HashToken(app.signer.Sign("login-account", lower));
}

std::string Cookie(const AppContext& app, const http::Request& request, std::string_view name) {
  std::string value = request.Cookie(http::CookieName(name, app.options.secure_cookies));
  return value.size() > kMaxCookieChars ? std::string() : value;
}

}  // namespace

std::string ThrottleKeyFor(const AppContext& app, const http::Request& request,
                           const std::string& email) {
  std::string account = AccountHash(app, email);
  std::string device = Cookie(app, request, kDeviceCookie);
  if (!device.empty()) {
    auto value = app.signer.Verify("staff-device", device);
    if (value && value->starts_with(account + ":")) return "d:" + HashToken(*value);
  }
  return "a:" + account;
}

bool IsKnownDevice(const std::string& key) { return key.starts_with("d:"); }

std::optional<long long> AddressFailuresUntil(const AppContext& app, const http::Request& request,
                                              const std::string& key) {
  if (IsKnownDevice(key)) return std::nullopt;
  auto now = static_cast<double>(app.now());
  double wait = app.login_failure_limits.SecondsUntilAllowed(request.client_address, now);
  if (wait <= 0) return std::nullopt;
  return app.now() + static_cast<long long>(std::ceil(wait));
}

void CountAddressFailure(const AppContext& app, const http::Request& request,
                         const std::string& key) {
  if (IsKnownDevice(key)) return;
  app.login_failure_limits.Charge(request.client_address, static_cast<double>(app.now()), 1);
}

std::optional<long long> ThrottledUntil(const AppContext& app, const std::string& key) {
  LoginThrottle state = app.logins.GetLoginThrottle(key);
  if (state.throttled_until > app.now()) return state.throttled_until;
  return std::nullopt;
}

std::optional<long long> CountFailure(const AppContext& app, const std::string& key) {
  long long now = app.now();
  LoginThrottle state = app.logins.RecordLoginFailure(key, app.options.login_throttle, now);
  if (state.throttled_until > now) return state.throttled_until;
  return std::nullopt;
}

std::string RetryText(const AppContext& app, Lang lang, long long until) {
  long long minutes = std::max(1LL, (until - app.now() + 59) / 60);
  std::string text = minutes == 1
                         ? app.translator.Get(lang, N_("You can try again at {time}, in 1 minute."))
                         : app.translator.Get(lang, N_("You can try again at {time}, in {minutes} "
                                                       "minutes."));
  std::string time = FormatDutchDateTime(until).substr(11);
  if (size_t at = text.find("{time}"); at != std::string::npos) text.replace(at, 6, time);
  if (size_t at = text.find("{minutes}"); at != std::string::npos)
    text.replace(at, 9, std::to_string(minutes));
  return text;
}

void SetRetryAfter(const AppContext& app, http::Response& response, long long until) {
  response.Set("Retry-After", std::to_string(std::max(1LL, until - app.now())));
}

void IssueSessionCookies(const AppContext& app, http::Response& response, const std::string& token,
                         const std::string& email) {
  bool secure = app.options.secure_cookies;
  response.Add("Set-Cookie",
               http::SetCookie(kSessionCookie, token,
                               {.http_only = true, .secure = secure, .same_site = "Strict"}));
  // A device cookie for this account: from now on this browser's failures are its own.
  std::string device =
      app.signer.Sign("staff-device", AccountHash(app, email) + ":" + RandomToken(16));
  response.Add("Set-Cookie", http::SetCookie(kDeviceCookie, device,
                                             {.http_only = true,
                                              .secure = secure,
                                              .same_site = "Strict",
                                              .max_age = kDeviceCookieSeconds}));
}

std::string SessionToken(const AppContext& app, const http::Request& request) {
  return Cookie(app, request, kSessionCookie);
}

void ClearSessionCookie(const AppContext& app, http::Response& response) {
  response.Add("Set-Cookie", http::SetCookie(kSessionCookie, "",
                                             {.http_only = true,
                                              .secure = app.options.secure_cookies,
                                              .same_site = "Strict",
                                              .max_age = 0}));
}

void IssuePendingCookie(const AppContext& app, http::Response& response, const std::string& token) {
  response.Add("Set-Cookie", http::SetCookie(kPendingCookie, token,
                                             {.http_only = true,
                                              .secure = app.options.secure_cookies,
                                              .same_site = "Strict",
                                              .max_age = kPendingLoginSeconds}));
}

void ClearPendingCookie(const AppContext& app, http::Response& response) {
  response.Add("Set-Cookie", http::SetCookie(kPendingCookie, "",
                                             {.http_only = true,
                                              .secure = app.options.secure_cookies,
                                              .same_site = "Strict",
                                              .max_age = 0}));
}

std::optional<CurrentPending> PendingFor(const AppContext& app, const http::Request& request) {
  std::string token = Cookie(app, request, kPendingCookie);
  if (token.empty()) return std::nullopt;
  std::string hash = HashToken(token);
  auto login = app.logins.GetPendingLogin(hash, app.now() - kPendingLoginSeconds);
  if (!login) return std::nullopt;
  return CurrentPending{std::move(hash), std::move(*login)};
}

}  // namespace meldpunt::web
