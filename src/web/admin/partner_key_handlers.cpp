#include "web/admin/partner_key_handlers.hpp"

#include <optional>

#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "security/partner_keys.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/partner_key_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {
namespace {

// What the create form came back with: the problem (a msgid) and what was typed.
struct KeyForm {
  std::string problem;
  std::string partner_name;
  std::string scope;
};

http::Response Render(const AppContext& app, const StaffRequest& req, long long bureau_id,
                      int status, const std::optional<KeyForm>& form = std::nullopt,
                      const std::string& new_key = {}) {
  const http::Request& request = req.http;
  Lang lang = LangOf(request);
  auto tr = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  auto keys = app.partner_keys->ListPartnerKeys(bureau_id);
  kainjow::mustache::list rows;
  for (const auto& key : keys) {
    TemplateData row;
    row.set("id", std::to_string(key.id));
    row.set("partner_name", key.partner_name);
    row.set("scope", tr(key.routing ? N_("Any municipality, routed") : N_("This bureau's area")));
    row.set("created", FormatDutchDate(key.created_at));
    row.set("created_by", key.created_by_email);
    row.set("last_used",
            key.last_used_at ? FormatDutchDateTime(*key.last_used_at) : tr(N_("never")));
    row.set("live", Bool(!key.revoked_at));
    if (key.revoked_at) row.set("revoked", FormatDutchDate(*key.revoked_at));
    rows.push_back(row);
  }
  TemplateData data;
  data.set("keys", rows);
  data.set("has_keys", Bool(!keys.empty()));
  data.set("max_name", std::to_string(kMaxPartnerNameChars));
  data.set("scope_routing", Bool(form && form->scope == "routing"));
  if (form) {
    data.set("has_error", Bool(true));
    data.set("error_message", tr(form->problem.c_str()));
    data.set("partner_name", form->partner_name);
  }
  if (!new_key.empty()) data.set("new_key", new_key);
  if (request.QueryParam("gedaan") == "ingetrokken") {
    data.set("done_message", tr(N_("The key has been revoked. Requests with it are refused.")));
  }
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, req.staff, "staff_partner_keys", N_("API keys"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

http::Response StaffPartnerKeysPage(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau() || !app.partner_keys) return ErrorPage(app, 403, &req.http);
  return Render(app, req, *req.bureau(), 200);
}

http::Response StaffPartnerKeysAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau() || !app.partner_keys || !app.partner_key_hash) {
    return ErrorPage(app, 403, &request);
  }
  const long long bureau_id = *req.bureau();
  const http::FormFields& form = req.form.fields;
  const std::string action = form.Get("action");
  auto audit = [&](const char* what, long long key_id, const std::string& name) {
    app.audit.Audit(AuditEntry::ForBureau(req.staff.user_id, what, bureau_id,
                                          "key " + std::to_string(key_id) + " " + name),
                    app.now());
  };
  if (action == "create") {
    const std::string name = Trim(form.Get("partner_name"));
    const std::string scope = form.Get("scope");
    KeyForm typed{"", form.Get("partner_name"), scope};
    if (name.empty()) {
      typed.problem = N_("Give the name of the partner organisation.");
    } else if (CountCodePoints(name) > kMaxPartnerNameChars || !IsValidUtf8Text(name, false)) {
      typed.problem = N_("The partner's name is one line of at most 100 characters.");
    } else if (scope != "bureau" && scope != "routing") {
      typed.problem = N_("Choose which reports the key may send.");
    }
    if (!typed.problem.empty()) return Render(app, req, bureau_id, 422, typed);
    std::string key = PartnerKeys::NewKey();
    PartnerKey made{.bureau_id = bureau_id,
                    .partner_name = name,
                    .routing = scope == "routing",
                    .created_by = req.staff.user_id};
    auto id = app.partner_keys->AddPartnerKey(made, app.partner_key_hash->Hash(key), app.now());
    if (!id) {
      typed.problem = N_("The bureau has 200 API keys, the most it can have.");
      return Render(app, req, bureau_id, 422, typed);
    }
    audit("partner_key.create", *id, name);
    // Shown on this answer only: the key is in no URL and never stored in clear.
    return Render(app, req, bureau_id, 200, std::nullopt, key);
  }
  if (action == "revoke") {
    auto key_id = ParseId(form.Get("key"));
    if (!key_id ||
        !app.partner_keys->RevokePartnerKey(bureau_id, *key_id, req.staff.user_id, app.now())) {
      return ErrorPage(app, 404, &request);
    }
    audit("partner_key.revoke", *key_id, "");
    return http::Response::SeeOther(std::string(kPartnerKeysPath) + "?gedaan=ingetrokken");
  }
  return ErrorPage(app, 400, &request);
}

}  // namespace meldpunt::web
