#include "web/accounts/staff_session_handlers.hpp"

#include <charconv>

#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "http/form.hpp"
#include "security/password.hpp"
#include "store/audit_store.hpp"
#include "store/login_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/accounts/second_factor.hpp"
#include "web/accounts/staff_login_handlers.hpp"
#include "web/accounts/staff_login_state.hpp"
#include "web/accounts/user_agent.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr size_t kMaxCodeChars = 64;

std::string DeviceLabel(const AppContext& app, Lang lang, const std::string& stored) {
  DeviceDescription device = ParseStoredDevice(stored);
  std::string browser =
      device.browser.empty() ? app.translator.Get(lang, N_("Unknown browser")) : device.browser;
  std::string system =
      device.system.empty() ? app.translator.Get(lang, N_("unknown system")) : device.system;
  std::string text = app.translator.Get(lang, N_("{browser} on {system}"));
  if (size_t at = text.find("{browser}"); at != std::string::npos) text.replace(at, 9, browser);
  if (size_t at = text.find("{system}"); at != std::string::npos) text.replace(at, 8, system);
  return text;
}

http::Response ConfirmForm(const AppContext& app, const http::Request& request,
                           const StaffSession& staff, int status, const std::string& back,
                           const std::string& problem, const std::string& retry_text = "") {
  TemplateData data;
  data.set("back", back);
  SetIfNotEmpty(data, "problem", problem);
  SetIfNotEmpty(data, "retry_text", retry_text);
  data.set("minutes", std::to_string(app.options.reauth_window.count() / 60));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_confirm", N_("Confirm it is you"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

http::Response StaffSessionsPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  long long now = app.now();
  auto sessions =
      app.sessions.ListSessions(staff.user_id, now - app.options.staff_idle_timeout.count(),
                                now - app.options.staff_max_age.count());
  kainjow::mustache::list rows;
  for (const auto& session : sessions) {
    TemplateData row;
    row.set("id", std::to_string(session.id));
    row.set("started", FormatDutchDateTime(session.created_at));
    row.set("last_used", FormatDutchDateTime(session.last_used_at));
    row.set("device", DeviceLabel(app, lang, session.device));
    row.set("current", Bool(session.id == staff.session_id));
    rows.push_back(row);
  }
  TemplateData data;
  data.set("sessions", rows);
  data.set("has_others", Bool(sessions.size() > 1));
  data.set("ended", Bool(request.QueryParam("beeindigd") == "1"));
  data.set("recovery_codes_left",
           std::to_string(app.logins.CountUnusedRecoveryCodes(staff.user_id)));
  data.set("idle_minutes", std::to_string(app.options.staff_idle_timeout.count() / 60));
  data.set("max_hours", std::to_string(app.options.staff_max_age.count() / 3600));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_sessions", N_("Your sessions"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

http::Response StaffSessionsAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  long long now = app.now();
  if (request.path == kEndOtherSessionsPath) {
    int ended = app.sessions.EndOtherSessions(staff.user_id, staff.session_id);
    app.audit.Audit(staff.user_id, "session.end_others", std::to_string(ended) + " sessions", now);
    return http::Response::SeeOther(std::string(kSessionsPath) + "?beeindigd=1");
  }
  auto id = ParseId(req.form.fields.Get("session"));
  // Only one's own sessions: another user's id ends nothing and looks the same as a stale one.
  if (!id || !app.sessions.EndSessionOf(staff.user_id, *id)) return ErrorPage(app, 404, &request);
  app.audit.Audit(staff.user_id, "session.end", "session " + std::to_string(*id), now);
  if (*id == staff.session_id) {
    http::Response response = http::Response::SeeOther(kStaffLoginPath);
    ClearSessionCookie(app, response);
    return response;
  }
  return http::Response::SeeOther(std::string(kSessionsPath) + "?beeindigd=1");
}

http::Response StaffConfirmPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  std::string back = SafeReturnPath(request.QueryParam("terug")).value_or(StaffHome(staff.role));
  return ConfirmForm(app, request, staff, 200, back, "");
}

http::Response StaffConfirm(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  const http::FormFields& form = req.form.fields;
  Lang lang = LangOf(request);
  std::string back = SafeReturnPath(form.Get("terug")).value_or(StaffHome(staff.role));
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  if (!app.login_limits.Allow(request.client_address, static_cast<double>(app.now()))) {
    http::Response limited = ConfirmForm(
        app, request, staff, 429, back,
        tr(N_("Too many login attempts from your connection. Wait a minute and try again.")));
    limited.Set("Retry-After", "60");
    return limited;
  }
  std::string key = ThrottleKeyFor(app, request, staff.email);
  auto too_many = [&](long long until) {
    http::Response response =
        ConfirmForm(app, request, staff, 429, back, tr(N_("Too many wrong attempts.")),
                    RetryText(app, lang, until));
    SetRetryAfter(app, response, until);
    return response;
  };
  if (auto until = ThrottledUntil(app, key)) return too_many(*until);
  auto user = app.staff.FindUser(staff.email);
  std::string password = form.Get("password");
  std::string code = form.Get("code");
  bool password_ok = user && password.size() <= kMaxPasswordChars * 4 &&
                     VerifyPassword(password, user->password_hash);
  // The code is checked (and used up) only after a right password.
  FactorCheck check = password_ok && code.size() <= kMaxCodeChars
                          ? CheckSecondFactor(app, staff.user_id, code)
                          : FactorCheck::kWrong;
  if (check == FactorCheck::kWrong || check == FactorCheck::kReused) {
    if (auto until = CountFailure(app, key)) return too_many(*until);
    std::string problem =
        check == FactorCheck::kReused
            ? tr(N_("This code has been used already. Wait until your app shows a new code."))
            : tr(N_("The password or the code is not correct."));
    return ConfirmForm(app, request, staff, 401, back, problem);
  }
  long long now = app.now();
  app.logins.ClearLoginFailures(key);
  app.sessions.MarkReauthenticated(staff.session_id, now);
  app.audit.Audit(staff.user_id, "reauth",
                  back + (check == FactorCheck::kRecoveryCode ? " (recovery code)" : ""), now);
  return http::Response::SeeOther(back);
}

http::Response StaffLogout(const AppContext& app, const FormRequest& req) {
  std::string token = SessionToken(app, req.http);
  if (!token.empty()) app.sessions.EndSession(HashToken(token));
  http::Response response = http::Response::SeeOther(kStaffLoginPath);
  ClearSessionCookie(app, response);
  return response;
}

}  // namespace meldpunt::web
