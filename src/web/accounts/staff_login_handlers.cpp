#include "web/accounts/staff_login_handlers.hpp"

#include "base/text.hpp"
#include "http/form.hpp"
#include "security/password.hpp"
#include "security/recovery_codes.hpp"
#include "security/totp.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/login_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/accounts/second_factor.hpp"
#include "web/accounts/staff_login_state.hpp"
#include "web/accounts/user_agent.hpp"
#include "web/common/pages.hpp"
#include "web/common/qr_svg.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kTotpIssuer = "Meldpunt Discriminatie";
constexpr size_t kMaxCodeChars = 64;

// What the login form says above the fields.
struct LoginNotice {
  bool failed = false;           // wrong address or password
  bool limited = false;          // too many attempts from this connection
  bool address_limited = false;  // too many failures from this connection (with retry_text)
  bool expired = false;          // the half-login ran out
  bool deactivated = false;      // the right password of a deactivated account
  std::string retry_text = {};   // the account must wait (throttled)
};

http::Response LoginForm(const AppContext& app, const http::Request& request, int status,
                         const std::string& email, const LoginNotice& notice) {
  http::Response cookies;
  TemplateData data;
  data.set("csrf", CsrfTokenFor(app, request, cookies));
  data.set("email", email);
  data.set("failed", Bool(notice.failed));
  data.set("limited", Bool(notice.limited));
  data.set("expired", Bool(notice.expired));
  data.set("deactivated", Bool(notice.deactivated));
  data.set("address_limited", Bool(notice.address_limited));
  data.set("throttled", Bool(!notice.address_limited && !notice.retry_text.empty()));
  data.set("retry_text", notice.retry_text);
  return WithCookies(RenderPage(app, request, status, {"staff_login", N_("Staff login"), data, ""}),
                     cookies);
}

http::Response Throttled(const AppContext& app, http::Response response, long long until) {
  SetRetryAfter(app, response, until);
  return response;
}

http::Response BackToLogin(const AppContext& app) {
  http::Response response = http::Response::SeeOther(std::string(kStaffLoginPath) + "?verlopen=1");
  ClearPendingCookie(app, response);
  return response;
}

// The second-factor page. problem: what went wrong with the code typed (translated).
http::Response CodeForm(const AppContext& app, const http::Request& request, int status,
                        const std::string& problem, const std::string& retry_text = "") {
  http::Response cookies;
  TemplateData data;
  data.set("csrf", CsrfTokenFor(app, request, cookies));
  SetIfNotEmpty(data, "problem", problem);
  SetIfNotEmpty(data, "retry_text", retry_text);
  return WithCookies(
      RenderPage(app, request, status, {"staff_second_factor", N_("Log in: your code"), data, ""}),
      cookies);
}

http::Response EnrolForm(const AppContext& app, const http::Request& request, int status,
                         const PendingLogin& pending, const std::string& email,
                         const std::string& problem) {
  Lang lang = LangOf(request);
  http::Response cookies;
  TemplateData data;
  data.set("csrf", CsrfTokenFor(app, request, cookies));
  SetIfNotEmpty(data, "problem", problem);
  std::string uri = OtpauthUri(kTotpIssuer, email, pending.enrol_secret);
  data.set("secret", GroupedBase32(pending.enrol_secret));
  data.set("uri", uri);
  data.set("qr", QrSvg(uri, app.translator.Get(lang, N_("QR code for your authenticator app"))));
  return WithCookies(
      RenderPage(app, request, status, {"staff_enrol", N_("Set up your second step"), data, ""}),
      cookies);
}

// The second factor was right: the half-login ends and a session starts.
http::Response CompleteLogin(const AppContext& app, const http::Request& request,
                             const CurrentPending& pending, const StaffUser& user,
                             const std::string& how, http::Response response) {
  long long now = app.now();
  app.logins.EndPendingLogin(pending.token_hash);
  app.logins.ClearLoginFailures(pending.login.throttle_key);
  std::string token = RandomToken(32);
  std::string device = StoredDevice(DescribeUserAgent(request.Header("user-agent").value_or("")));
  app.sessions.StartSession(HashToken(token), user.id, now, device);
  app.audit.Audit(AuditEntry::ForBureau(user.id, "login", user.bureau_id, user.email + how), now);
  // A fresh token at every login: a session id planted before login is never used after it.
  IssueSessionCookies(app, response, token, user.email);
  ClearPendingCookie(app, response);
  return response;
}

std::string ProblemText(const AppContext& app, Lang lang, FactorCheck check) {
  if (check == FactorCheck::kReused) {
    return app.translator.Get(
        lang, N_("This code has been used already. Wait until your app shows a new code."));
  }
  return app.translator.Get(
      lang, N_("This code is not correct. Type the code your app shows now, or a recovery code."));
}

}  // namespace

http::Response StaffLoginPage(const AppContext& app, const http::Request& request) {
  if (auto staff = CurrentStaff(app, request))
    return http::Response::SeeOther(StaffHome(staff->role));
  return LoginForm(app, request, 200, "", {.expired = request.QueryParam("verlopen") == "1"});
}

http::Response StaffLogin(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  std::string email = Trim(form.Get("email"));
  if (email.size() > kMaxEmailChars) email.resize(kMaxEmailChars);
  Lang lang = LangOf(request);
  // Every attempt counts, before the costly password check (OWASP ASVS 2.2.1).
  if (!app.login_limits.Allow(request.client_address, static_cast<double>(app.now()))) {
    http::Response limited = LoginForm(app, request, 429, email, {.limited = true});
    limited.Set("Retry-After", "60");
    return limited;
  }
  // An account that failed too often waits, whether or not it exists; nothing is hashed then.
  std::string key = ThrottleKeyFor(app, request, email);
  if (auto until = ThrottledUntil(app, key)) {
    return Throttled(
        app, LoginForm(app, request, 429, email, {.retry_text = RetryText(app, lang, *until)}),
        *until);
  }
  // Many failures from this address on browsers unknown to the accounts tried: a sprayer (or an
  // office that forgot its passwords) waits; staff on their own browsers are not stopped.
  if (auto until = AddressFailuresUntil(app, request, key)) {
    return Throttled(
        app,
        LoginForm(app, request, 429, email,
                  {.address_limited = true, .retry_text = RetryText(app, lang, *until)}),
        *until);
  }
  std::string password = form.Get("password");
  auto user = app.staff.FindUser(email);
  // Without a user we still hash once, so timing does not tell which addresses exist.
  static const std::string kDummyHash = HashPassword("not a real password, for timing only");
  bool ok = password.size() <= kMaxPasswordChars * 4 &&
            VerifyPassword(password, user ? user->password_hash : kDummyHash) && user;
  auto role = user ? ParseRole(user->role) : std::nullopt;
  if (!ok || !role) {
    CountAddressFailure(app, request, key);
    if (auto until = CountFailure(app, key)) {
      return Throttled(
          app, LoginForm(app, request, 429, email, {.retry_text = RetryText(app, lang, *until)}),
          *until);
    }
    return LoginForm(app, request, 401, email, {.failed = true});
  }
  // The password is right, but the account was deactivated (issue 14): said only now, after the
  // right password, so the message tells nobody more than the failed-login message does. It is
  // not counted as a failure: whoever sees it knows the password already.
  if (user->deactivated_at) {
    app.audit.Audit(
        AuditEntry::ForBureau(user->id, "login.deactivated", user->bureau_id, user->email),
        app.now());
    return LoginForm(app, request, 403, email, {.deactivated = true});
  }
  // The password is right: a half-login until the second factor, never a session.
  PendingLogin pending{user->id, app.now(), key, ""};
  if (!user->has_second_factor) pending.enrol_secret = NewTotpSecret();
  std::string token = RandomToken(32);
  app.logins.AddPendingLogin(HashToken(token), pending, app.now() - kPendingLoginSeconds);
  http::Response response =
      http::Response::SeeOther(user->has_second_factor ? kSecondFactorPath : kEnrolPath);
  IssuePendingCookie(app, response, token);
  return response;
}

http::Response StaffSecondFactorPage(const AppContext& app, const http::Request& request) {
  auto pending = PendingFor(app, request);
  if (!pending) return BackToLogin(app);
  if (!pending->login.enrol_secret.empty()) return http::Response::SeeOther(kEnrolPath);
  return CodeForm(app, request, 200, "");
}

http::Response StaffSecondFactor(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  auto pending = PendingFor(app, request);
  if (!pending) return BackToLogin(app);
  if (!pending->login.enrol_secret.empty()) return http::Response::SeeOther(kEnrolPath);
  Lang lang = LangOf(request);
  if (!app.login_limits.Allow(request.client_address, static_cast<double>(app.now()))) {
    http::Response limited = CodeForm(
        app, request, 429,
        app.translator.Get(lang, N_("Too many login attempts from your connection. Wait a minute "
                                    "and try again.")));
    limited.Set("Retry-After", "60");
    return limited;
  }
  const std::string& key = pending->login.throttle_key;
  auto too_many = [&](long long until) {
    return Throttled(
        app,
        CodeForm(app, request, 429, app.translator.Get(lang, N_("Too many wrong attempts.")),
                 RetryText(app, lang, until)),
        until);
  };
  if (auto until = ThrottledUntil(app, key)) return too_many(*until);
  auto user = app.staff.GetUser(pending->login.user_id);
  if (!user || user->deactivated_at) return BackToLogin(app);
  std::string typed = form.Get("code");
  if (typed.size() > kMaxCodeChars) typed.clear();
  FactorCheck check = CheckSecondFactor(app, user->id, typed);
  if (check == FactorCheck::kWrong || check == FactorCheck::kReused) {
    if (auto until = CountFailure(app, key)) return too_many(*until);
    return CodeForm(app, request, 401, ProblemText(app, lang, check));
  }
  auto role = ParseRole(user->role);
  if (!role) return BackToLogin(app);
  return CompleteLogin(app, request, *pending, *user,
                       check == FactorCheck::kRecoveryCode ? " (recovery code)" : "",
                       http::Response::SeeOther(StaffHome(*role)));
}

http::Response StaffEnrolPage(const AppContext& app, const http::Request& request) {
  auto pending = PendingFor(app, request);
  if (!pending) return BackToLogin(app);
  if (pending->login.enrol_secret.empty()) return http::Response::SeeOther(kSecondFactorPath);
  auto user = app.staff.GetUser(pending->login.user_id);
  if (!user || user->deactivated_at) return BackToLogin(app);
  return EnrolForm(app, request, 200, pending->login, user->email, "");
}

http::Response StaffEnrol(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  auto pending = PendingFor(app, request);
  if (!pending) return BackToLogin(app);
  if (pending->login.enrol_secret.empty()) return http::Response::SeeOther(kSecondFactorPath);
  auto user = app.staff.GetUser(pending->login.user_id);
  auto role = user && !user->deactivated_at ? ParseRole(user->role) : std::nullopt;
  if (!role) return BackToLogin(app);
  Lang lang = LangOf(request);
  // Typing mistakes while setting up are not counted as failures: whoever is here knows the
  // password, and the secret was made for them a moment ago.
  std::string typed = form.Get("code");
  auto step = typed.size() <= kMaxCodeChars
                  ? MatchTotp(pending->login.enrol_secret, typed, app.now(), -1)
                  : std::nullopt;
  if (!step) {
    return EnrolForm(
        app, request, 422, pending->login, user->email,
        app.translator.Get(lang, N_("This code is not correct. Type the 6 digits your app shows "
                                    "now for Meldpunt Discriminatie.")));
  }
  std::vector<std::string> codes = NewRecoveryCodes();
  std::vector<std::string> hashes;
  for (const auto& code : codes) hashes.push_back(HashRecoveryCode(*NormaliseRecoveryCode(code)));
  if (!app.logins.EnrolSecondFactor(user->id, pending->login.enrol_secret, *step, hashes)) {
    // Set up meanwhile in another window: log in with that one.
    app.logins.EndPendingLogin(pending->token_hash);
    return BackToLogin(app);
  }
  app.audit.Audit(user->id, "user.enrol_2fa", user->email, app.now());
  // The recovery codes are shown once, in the answer to this request, and never stored in clear.
  kainjow::mustache::list items;
  for (const auto& code : codes) items.push_back(TemplateData("code", code));
  TemplateData data;
  data.set("codes", items);
  data.set("home", StaffHome(*role));
  http::Response page =
      RenderPage(app, request, 200, {"staff_recovery_codes", N_("Your recovery codes"), data, ""});
  return CompleteLogin(app, request, *pending, *user, "", std::move(page));
}

}  // namespace meldpunt::web
