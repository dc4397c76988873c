#include "web/accounts/staff_user_handlers.hpp"

#include <algorithm>
#include <charconv>

#include "base/text.hpp"
#include "domain/cases/case_event.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/report.hpp"
#include "http/form.hpp"
#include "security/password.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/case_store.hpp"
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
constexpr std::string_view kStatusSuffix = "/status";
constexpr std::string_view kRoleSuffix = "/rol";
constexpr std::string_view kBureauSuffix = "/bureau";

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

// The roles an account can be given or taken from on the accounts page: those of a bureau's staff.
// A system administrator has no bureau and a municipality account needs a municipality, so those
// accounts are made anew instead.
bool BureauRole(StaffRole role) {
  return role == StaffRole::kIntake || role == StaffRole::kHandler ||
         role == StaffRole::kCoordinator || role == StaffRole::kBureauAdmin;
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

// The admin page's note on how many open cases were unassigned (?zaken=N), or empty.
std::string UnassignedNote(const AppContext& app, Lang lang, const http::Request& request) {
  std::string count = request.QueryParam("zaken");
  auto n = ParseId(count);
  if (count == "0") {
    return app.translator.Get(lang, N_("The colleague had no open cases assigned to them."));
  }
  if (!n) return "";
  if (*n == 1) {
    return app.translator.Get(lang, N_("1 open case was assigned to the colleague: it is now "
                                       "unassigned, with a note in its history. The coordinator "
                                       "finds it in the list under \"Not assigned\"."));
  }
  return FillIn(app.translator.Get(lang, N_("{count} open cases were assigned to the colleague: "
                                            "they are now unassigned, each with a note in its "
                                            "history. The coordinator finds them in the list "
                                            "under \"Not assigned\".")),
                "{count}", std::to_string(*n));
}

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
    bool own = user.id == staff.user_id;
    bool active = !user.deactivated_at;
    row.set("may_reset", Bool(active && user.has_second_factor && !own));
    row.set("active", Bool(active));
    if (user.deactivated_at) row.set("deactivated_at", FormatDutchDateTime(*user.deactivated_at));
    row.set("may_change_status", Bool(!own));
    bool may_change_role = active && !own && role && BureauRole(*role);
    row.set("may_change_role", Bool(may_change_role));
    if (may_change_role) {
      kainjow::mustache::list options;
      for (StaffRole option_role : kAllStaffRoles) {
        if (!BureauRole(option_role)) continue;
        TemplateData option;
        option.set("value", std::string(RoleCode(option_role)));
        option.set("label", tr(RoleLabel(option_role)));
        option.set("selected", Bool(option_role == *role));
        options.push_back(option);
      }
      row.set("role_options", options);
    }
    // Only a system administrator moves accounts between bureaus, and only bureau accounts.
    bool may_change_bureau = system_admin && may_change_role && user.bureau_id;
    row.set("may_change_bureau", Bool(may_change_bureau));
    if (may_change_bureau) {
      kainjow::mustache::list options;
      for (const auto& bureau : bureaus) {
        TemplateData option;
        option.set("value", std::to_string(bureau.id));
        option.set("label", bureau.name);
        option.set("selected", Bool(bureau.id == *user.bureau_id));
        options.push_back(option);
      }
      row.set("bureau_options", options);
    }
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
  data.set("deactivated", Bool(request.QueryParam("gedeactiveerd") == "1"));
  data.set("reactivated", Bool(request.QueryParam("geactiveerd") == "1"));
  data.set("role_changed", Bool(request.QueryParam("rol") == "1"));
  data.set("bureau_changed", Bool(request.QueryParam("bureau") == "1"));
  SetIfNotEmpty(data, "cases_unassigned", UnassignedNote(app, LangOf(request), request));
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

namespace {

// The account a POST on /medewerkers/medewerkers/{id}<suffix> is about, when this staff member
// manages it; else the answer to give (404, also for another bureau's account, which is recorded).
std::optional<StaffUser> ManagedAccount(const AppContext& app, const StaffRequest& req,
                                        std::string_view suffix, http::Response& refusal) {
  const http::Request& request = req.http;
  std::string_view path = request.path;
  std::string prefix = std::string(kStaffUsersPath) + "/";
  refusal = ErrorPage(app, 404, &request);
  if (!path.starts_with(prefix) || !path.ends_with(suffix)) return std::nullopt;
  auto id = ParseId(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
  if (!id) return std::nullopt;
  auto user = app.staff.GetUser(*id);
  if (!user) return std::nullopt;
  if (!Manages(req.staff, *user)) {
    // Another bureau's account is answered as if it did not exist; the attempt is recorded.
    app.audit.Audit(req.staff.user_id, "access.denied", "other bureau: user " + std::to_string(*id),
                    app.now());
    return std::nullopt;
  }
  return user;
}

std::string AccountSubject(const StaffUser& user) {
  return "user " + std::to_string(user.id) + " " + user.email;
}

// Unassigns the open cases of an account that was moved or deactivated (issue 14) in every
// bureau but keep_bureau, each with an event in its history, and puts one entry on the audit
// record when there were any. Returns how many.
long long UnassignCasesOf(const AppContext& app, const StaffSession& staff, const StaffUser& user,
                          std::optional<long long> keep_bureau, const char* why) {
  long long cases =
      app.cases.UnassignOpenCases(user.id, keep_bureau, staff.user_id, why, app.now());
  if (cases > 0) {
    app.audit.Audit(staff.user_id, "user.cases_unassigned",
                    AccountSubject(user) + " " + why + " " + std::to_string(cases) + " cases",
                    app.now());
  }
  return cases;
}

}  // namespace

http::Response StaffUserResetSecondFactor(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  http::Response refusal;
  auto user = ManagedAccount(app, req, kResetSuffix, refusal);
  if (!user) return refusal;
  if (user->id == staff.user_id) {
    return UsersPage(
        app, request, staff, 422,
        app.translator.Get(LangOf(request), N_("You cannot reset your own second step. Ask a "
                                               "colleague who manages staff.")));
  }
  app.logins.ResetSecondFactor(user->id);
  app.audit.Audit(staff.user_id, "user.reset_2fa", AccountSubject(*user), app.now());
  return http::Response::SeeOther(std::string(kStaffUsersPath) + "?hersteld=1");
}

http::Response StaffUserSetStatus(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  http::Response refusal;
  auto user = ManagedAccount(app, req, kStatusSuffix, refusal);
  if (!user) return refusal;
  std::string status = req.form.fields.Get("status");
  if (status != "inactief" && status != "actief") {
    return UsersPage(app, request, staff, 422,
                     app.translator.Get(lang, N_("Choose whether the account is to be "
                                                 "deactivated or reactivated.")));
  }
  if (user->id == staff.user_id) {
    return UsersPage(app, request, staff, 422,
                     app.translator.Get(lang, N_("You cannot deactivate your own account. Ask a "
                                                 "colleague who manages staff.")));
  }
  bool active = status == "actief";
  // A repeated form (the account is in that state already) changes nothing and records nothing.
  if (app.staff.SetUserActive(user->id, active, app.now())) {
    app.audit.Audit(staff.user_id, active ? "user.reactivate" : "user.deactivate",
                    AccountSubject(*user), app.now());
  }
  if (active) return http::Response::SeeOther(std::string(kStaffUsersPath) + "?geactiveerd=1");
  // A deactivated colleague's open cases go back to the coordinator (also on a repeated form,
  // which finds none left).
  long long cases = UnassignCasesOf(app, staff, *user, std::nullopt, kUnassignedAccountDeactivated);
  return http::Response::SeeOther(std::string(kStaffUsersPath) +
                                  "?gedeactiveerd=1&zaken=" + std::to_string(cases));
}

http::Response StaffUserChangeRole(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  http::Response refusal;
  auto user = ManagedAccount(app, req, kRoleSuffix, refusal);
  if (!user) return refusal;
  auto role = ParseRole(req.form.fields.Get("role"));
  if (!role || !BureauRole(*role)) {
    return UsersPage(app, request, staff, 422, app.translator.Get(lang, N_("Choose a role.")));
  }
  if (user->id == staff.user_id) {
    return UsersPage(app, request, staff, 422,
                     app.translator.Get(lang, N_("You cannot change your own role. Ask a "
                                                 "colleague who manages staff.")));
  }
  auto current = ParseRole(user->role);
  if (!current || !BureauRole(*current) || user->deactivated_at) {
    return UsersPage(
        app, request, staff, 422,
        app.translator.Get(lang, N_("The role of this account cannot be changed here. Only the "
                                    "roles of an active bureau account can be changed.")));
  }
  if (app.staff.ChangeUserRole(user->id, *role)) {
    app.audit.Audit(
        staff.user_id, "user.role",
        AccountSubject(*user) + " " + user->role + " -> " + std::string(RoleCode(*role)),
        app.now());
  }
  return http::Response::SeeOther(std::string(kStaffUsersPath) + "?rol=1");
}

http::Response StaffUserChangeBureau(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  // The route asks for kManageBureaus (a system administrator): a bureau's administrator got a
  // recorded 403 before this.
  http::Response refusal;
  auto user = ManagedAccount(app, req, kBureauSuffix, refusal);
  if (!user) return refusal;
  auto bureaus = app.bureaus.ListBureaus();
  auto chosen = ParseId(req.form.fields.Get("bureau"));
  auto target = std::find_if(bureaus.begin(), bureaus.end(),
                             [&](const Bureau& b) { return chosen && b.id == *chosen; });
  if (target == bureaus.end()) {
    return UsersPage(app, request, staff, 422,
                     tr(N_("Choose the bureau the colleague works for.")));
  }
  auto role = ParseRole(user->role);
  if (user->id == staff.user_id || !role || !BureauRole(*role) || !user->bureau_id ||
      user->deactivated_at) {
    return UsersPage(app, request, staff, 422,
                     tr(N_("This account cannot be moved to another bureau. Only active accounts "
                           "of a bureau's staff can be moved.")));
  }
  // A repeated form (in that bureau already) changes and records nothing.
  if (app.staff.ChangeUserBureau(user->id, target->id)) {
    app.audit.Audit(staff.user_id, "user.bureau",
                    AccountSubject(*user) + " bureau " + std::to_string(*user->bureau_id) + " -> " +
                        std::to_string(target->id),
                    app.now());
  }
  // The colleague can no longer open the old bureau's cases: those still open and assigned to
  // them are unassigned, so the old bureau's coordinator finds them under "unassigned".
  long long cases = UnassignCasesOf(app, staff, *user, target->id, kUnassignedAccountMoved);
  return http::Response::SeeOther(std::string(kStaffUsersPath) +
                                  "?bureau=1&zaken=" + std::to_string(cases));
}

}  // namespace meldpunt::web
