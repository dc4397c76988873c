#include "web/common/route_policy.hpp"

#include "base/log.hpp"
#include "web/api/partner_access.hpp"
#include "web/common/fetch_metadata.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

http::FormLimits PlainForm() { return http::FormLimits{.max_fields = kMaxFormFields}; }

Checked CheckPolicy(const AppContext& app, const http::Request& request,
                    const RoutePolicy& policy) {
  Checked checked;
  if (policy.csrf) {
    // Every state-changing route has a token check; a request from another site is refused
    // before its form is read, with the same page as a token that does not fit.
    if (FromAnotherSite(request, app.options.public_url, app.options.public_url_configured)) {
      log::Info("form from another site refused", {{"path", request.path}});
      checked.refusal = FormExpiredPage(app, request);
      return checked;
    }
    auto form = http::ParseRequestForm(request, policy.form);
    if (!form) {
      checked.refusal = ErrorPage(app, 400, &request);
      return checked;
    }
    if (!CsrfValid(app, request, form->fields.Get("csrf"))) {
      checked.refusal = FormExpiredPage(app, request);
      return checked;
    }
    checked.form = std::move(*form);
  }
  if (policy.caller == Caller::kAnyone) return checked;
  if (!policy.permission) {
    checked.staff = CurrentStaff(app, request);
    if (!checked.staff) checked.refusal = http::Response::SeeOther(kStaffLoginPath);
  } else {
    auto access = RequireStaff(app, request, *policy.permission);
    checked.staff = std::move(access.staff);
    checked.refusal = std::move(access.refusal);
  }
  if (checked.refusal) return checked;
  if (policy.recent_auth) {
    checked.refusal = policy.confirm_return.empty()
                          ? RequireRecentAuth(app, request, *checked.staff)
                          : RequireRecentAuth(app, *checked.staff, policy.confirm_return);
  }
  return checked;
}

std::string DescribeRoutes(const std::vector<RouteEntry>& entries) {
  std::string rows;
  for (const auto& [method, path, policy] : entries) {
    bool staff = policy.caller == Caller::kStaff;
    std::string who = staff ? "staff" : policy.caller == Caller::kPartner ? "partner" : "anyone";
    std::string permission = !staff              ? ""
                             : policy.permission ? std::string(PermissionCode(*policy.permission))
                                                 : "any";
    std::string checks;
    auto add = [&checks](const std::string& check) {
      checks += (checks.empty() ? "" : ", ") + check;
    };
    if (policy.caller == Caller::kPartner) add("API key, rate limit per key");
    if (policy.csrf)
      add(policy.form.multipart.max_files > 0 ? "multipart form, csrf" : "form, csrf");
    if (policy.recent_auth) add("re-authentication");
    if (policy.body_limit) add("body up to " + std::to_string(policy.body_limit / 1024) + " KiB");
    rows += "| " + std::string(http::MethodName(method)) + " | `" + path + "` | " + who + " | " +
            permission + " | " + checks + " |\n";
  }
  return rows;
}

void RouteTable::AddPublic(http::Method method, std::string_view path, PublicHandler handler,
                           http::Runs runs) {
  const AppContext& app = app_;
  AddPublic(
      method, path, [&app, handler](const http::Request& request) { return handler(app, request); },
      runs);
}

void RouteTable::AddPublic(http::Method method, std::string_view path, http::Handler handler,
                           http::Runs runs) {
  RoutePolicy policy{.caller = Caller::kAnyone, .runs = runs};
  entries_.push_back({method, std::string(path), policy});
  router_.Add(method, std::string(path), std::move(handler), runs);
}

void RouteTable::AddForm(std::string_view path, FormHandler handler, RouteOptions options) {
  RoutePolicy policy{.caller = Caller::kAnyone,
                     .csrf = true,
                     .form = options.form,
                     .body_limit = options.body_limit};
  entries_.push_back({http::Method::kPost, std::string(path), policy});
  const AppContext& app = app_;
  router_.Add(
      http::Method::kPost, std::string(path),
      [&app, handler, policy](const http::Request& request) {
        Checked checked = CheckPolicy(app, request, policy);
        if (checked.refusal) return std::move(*checked.refusal);
        return handler(app, FormRequest{request, std::move(*checked.form)});
      },
      policy.runs, policy.body_limit);
}

void RouteTable::AddApi(http::Method method, std::string_view path, ApiHandler handler,
                        RouteOptions options) {
  RoutePolicy policy{.caller = Caller::kPartner, .body_limit = options.body_limit};
  entries_.push_back({method, std::string(path), policy});
  const AppContext& app = app_;
  router_.Add(
      method, std::string(path),
      [&app, handler](const http::Request& request) {
        PartnerAccess access = CheckPartnerKey(app, request);
        if (access.refusal) return std::move(*access.refusal);
        return handler(app, ApiRequest{request, std::move(*access.key)});
      },
      policy.runs, policy.body_limit);
}

void RouteTable::AddStaff(http::Method method, std::string_view path,
                          std::optional<Permission> permission, StaffHandler handler,
                          RouteOptions options) {
  RoutePolicy policy{.caller = Caller::kStaff,
                     .permission = permission,
                     .csrf = method == http::Method::kPost,
                     .form = options.form,
                     .body_limit = options.body_limit,
                     .recent_auth = options.recent_auth,
                     .confirm_return = options.confirm_return};
  entries_.push_back({method, std::string(path), policy});
  const AppContext& app = app_;
  router_.Add(
      method, std::string(path),
      [&app, handler, policy](const http::Request& request) {
        Checked checked = CheckPolicy(app, request, policy);
        if (checked.refusal) return std::move(*checked.refusal);
        return handler(app, StaffRequest{request, std::move(*checked.staff),
                                         std::move(checked.form).value_or(http::ParsedForm{})});
      },
      policy.runs, policy.body_limit);
}

}  // namespace meldpunt::web
