#include "web/accounts/staff_user_handlers.hpp"

#include <algorithm>
#include <charconv>

#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/report.hpp"
#include "http/form.hpp"
#include "security/password.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/login_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kResetSuffix = "/tweede-stap-herstellen";

const char* RoleLabel(StaffRole role) {
  switch (role) {
    case StaffRole::kIntake:
      return N_("Intake worker");
    case StaffRole::kHandler:
      return N_("Case handler");
    case StaffRole::kCoordinator:
      return N_("Coordinator");
    case StaffRole::kBureauAdmin:
      return N_("Bureau administrator");
    case StaffRole::kSystemAdmin:
      return N_("System administrator");
    case StaffRole::kMunicipalityViewer:
      return N_("Municipality (figures only)");
  }
  return "";
}

// The roles this staff member may give: a bureau's administrator never makes system
// administrators.
std::vector<StaffRole> GrantableRoles(const StaffSession& staff) {
  std::vector<StaffRole> roles;
  for (StaffRole role : kAllStaffRoles) {
    if (role == StaffRole::kSystemAdmin && staff.role != StaffRole::kSystemAdmin) continue;
    roles.push_back(role);
  }
  return roles;
}

// Whether this staff member manages that account: a system administrator every one, a bureau's
// administrator those of their bureau.
bool Manages(const StaffSession& staff, const StaffUser& user) {
  if (staff.role == StaffRole::kSystemAdmin) return true;
  return staff.bureau_id && user.bureau_id && *staff.bureau_id == *user.bureau_id;
}

struct AddForm {
  std::string email;
  std::string role;
  std::string municipality;
  std::string bureau;
};

http::Response UsersPage(const AppContext& app, const http::Request& request,
                         const StaffSession& staff, int status, const std::string& problem = "",
                         const AddForm& typed = {}) {
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  bool system_admin = staff.role == StaffRole::kSystemAdmin;
  auto bureaus = app.bureaus.ListBureaus();
  auto bureau_name = [&](std::optional<long long> id) {
    if (!id) return std::string("–");
    for (const auto& bureau : bureaus)
      if (bureau.id == *id) return bureau.name;
    return std::to_string(*id);
  };
  auto users = app.staff.ListUsers(system_admin ? std::nullopt : staff.bureau_id);
  kainjow::mustache::list rows;
  for (const auto& user : users) {
    TemplateData row;
    auto role = ParseRole(user.role);
    row.set("id", std::to_string(user.id));
    row.set("email", user.email);
    row.set("role", role ? tr(RoleLabel(*role)) : user.role);
    row.set("bureau", bureau_name(user.bureau_id));
    row.set("second_factor", Bool(user.has_second_factor));
    if (user.last_login_at) row.set("last_login", FormatDutchDateTime(*user.last_login_at));
    row.set("never", Bool(!user.last_login_at));
    row.set("may_reset", Bool(user.has_second_factor && user.id != staff.user_id));
    rows.push_back(row);
  }
  kainjow::mustache::list roles;
  for (StaffRole role : GrantableRoles(staff)) {
    TemplateData option;
    option.set("value", std::string(RoleCode(role)));
    option.set("label", tr(RoleLabel(role)));
    option.set("selected", Bool(typed.role == RoleCode(role)));
    roles.push_back(option);
  }
  kainjow::mustache::list bureau_options;
  for (const auto& bureau : bureaus) {
    TemplateData option;
    option.set("value", std::to_string(bureau.id));
    option.set("label", bureau.name);
    option.set("selected", Bool(typed.bureau == std::to_string(bureau.id)));
    bureau_options.push_back(option);
  }
  TemplateData data;
  data.set("users", rows);
  data.set("system_admin", Bool(system_admin));
  data.set("bureau_name", bureau_name(staff.bureau_id));
  data.set("roles", roles);
  data.set("bureaus", bureau_options);
  SetIfNotEmpty(data, "problem", problem);
  data.set("email", typed.email);
  data.set("municipality", typed.municipality);
  data.set("min_password", std::to_string(kMinPasswordChars));
  data.set("max_password", std::to_string(kMaxPasswordChars));
  data.set("reset", Bool(request.QueryParam("hersteld") == "1"));
  data.set("added", Bool(request.QueryParam("toegevoegd") == "1"));
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_users", N_("Staff accounts"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

std::string PasswordProblemText(const AppContext& app, Lang lang, PasswordProblem problem) {
  switch (problem) {
    case PasswordProblem::kTooShort:
      return app.translator.Get(lang, N_("The password must have at least 12 characters."));
    case PasswordProblem::kTooLong:
      return app.translator.Get(lang, N_("The password may have at most 128 characters."));
    case PasswordProblem::kCommon:
      return app.translator.Get(
          lang, N_("This password is on the list of commonly used passwords. Choose another."));
    case PasswordProblem::kNone:
      break;
  }
  return "";
}

}  // namespace

http::Response StaffUsersPage(const AppContext& app, const StaffRequest& req) {
  return UsersPage(app, req.http, req.staff, 200);
}

http::Response StaffUsersAdd(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  AddForm typed{Trim(form.Get("email")), form.Get("role"), Trim(form.Get("municipality")),
                form.Get("bureau")};
  if (typed.email.size() > kMaxEmailChars) typed.email.resize(kMaxEmailChars);
  if (typed.municipality.size() > 10) typed.municipality.clear();
  auto refuse = [&](const char* problem) {
    return UsersPage(app, request, staff, 422, tr(problem), typed);
  };
  if (!LooksLikeEmail(typed.email))
    return refuse(N_("Give the e-mail address the colleague logs in with."));
  auto role = ParseRole(typed.role);
  auto grantable = GrantableRoles(staff);
  if (!role || std::find(grantable.begin(), grantable.end(), *role) == grantable.end())
    return refuse(N_("Choose a role."));
  std::string municipality;
  if (*role == StaffRole::kMunicipalityViewer) {
    const Municipality* found = app.municipalities.Find(typed.municipality);
    if (!found || !found->current()) {
      return refuse(
          N_("A municipality account needs the CBS code of a current municipality, "
             "such as GM0363."));
    }
    municipality = typed.municipality;
  }
  std::optional<long long> bureau = staff.bureau_id;
  if (staff.role == StaffRole::kSystemAdmin) {
    bureau = std::nullopt;
    if (*role != StaffRole::kSystemAdmin) {
      auto bureaus = app.bureaus.ListBureaus();
      auto chosen = ParseId(typed.bureau);
      if (!chosen || std::none_of(bureaus.begin(), bureaus.end(),
                                  [&](const Bureau& b) { return b.id == *chosen; })) {
        return refuse(N_("Choose the bureau the colleague works for."));
      }
      bureau = *chosen;
    }
  }
  std::string password = form.Get("password");
  if (auto problem = CheckPassword(password, app.common_passwords);
      problem != PasswordProblem::kNone) {
    return UsersPage(app, request, staff, 422, PasswordProblemText(app, lang, problem), typed);
  }
  NewStaffUser user{typed.email, HashPassword(password), *role, bureau, municipality};
  if (!app.staff.AddUser(user, app.now()))
    return refuse(N_("There is an account with this e-mail address already."));
  app.audit.Audit(staff.user_id, "user.add", typed.email + " " + std::string(RoleCode(*role)),
                  app.now());
  return http::Response::SeeOther(std::string(kStaffUsersPath) + "?toegevoegd=1");
}

http::Response StaffUserResetSecondFactor(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  std::string_view path = request.path;
  std::string prefix = std::string(kStaffUsersPath) + "/";
  if (!path.starts_with(prefix) || !path.ends_with(kResetSuffix))
    return ErrorPage(app, 404, &request);
  auto id = ParseId(path.substr(prefix.size(), path.size() - prefix.size() - kResetSuffix.size()));
  if (!id) return ErrorPage(app, 404, &request);
  auto user = app.staff.GetUser(*id);
  if (!user) return ErrorPage(app, 404, &request);
  if (!Manages(staff, *user)) {
    // Another bureau's account is answered as if it did not exist; the attempt is recorded.
    app.audit.Audit(staff.user_id, "access.denied", "other bureau: user " + std::to_string(*id),
                    app.now());
    return ErrorPage(app, 404, &request);
  }
  if (user->id == staff.user_id) {
    return UsersPage(
        app, request, staff, 422,
        app.translator.Get(LangOf(request), N_("You cannot reset your own second step. Ask a "
                                               "colleague who manages staff.")));
  }
  app.logins.ResetSecondFactor(user->id);
  app.audit.Audit(staff.user_id, "user.reset_2fa",
                  "user " + std::to_string(user->id) + " " + user->email, app.now());
  return http::Response::SeeOther(std::string(kStaffUsersPath) + "?hersteld=1");
}

}  // namespace meldpunt::web
