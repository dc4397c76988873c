#include "web/api/partner_access.hpp"

#include <cmath>
#include <string>

#include "base/log.hpp"
#include "security/partner_keys.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "web/api/api_problem.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

// last_used_at is written at most once a minute per key: the page shows a day, and a busy
// partner should not add a write to every report.
constexpr long long kTouchEverySeconds = 60;

http::Response Unauthorized(const AppContext& app, const http::Request& request,
                            const char* detail) {
  http::Response response =
      ProblemResponse(app, request, 401, "unauthorized", N_("No valid API key"), detail);
  response.Set("WWW-Authenticate", "Bearer realm=\"meldpunt\"");
  return response;
}

}  // namespace

PartnerAccess CheckPartnerKey(const AppContext& app, const http::Request& request) {
  PartnerAccess access;
  if (!app.partner_keys || !app.partner_key_hash || !app.partner_limits) {
    access.refusal =
        ProblemResponse(app, request, 503, "unavailable", N_("The API is not available"),
                        N_("This server does not take reports through the API."));
    return access;
  }
  std::string_view authorization = request.Header("authorization").value_or("");
  constexpr std::string_view kBearer = "Bearer ";
  std::string_view key =
      authorization.starts_with(kBearer) ? authorization.substr(kBearer.size()) : "";
  if (!PartnerKeys::LooksLikeKey(key)) {
    access.refusal = Unauthorized(
        app, request,
        N_("Send the API key of your organisation as \"Authorization: Bearer <key>\"."));
    return access;
  }
  auto found = app.partner_keys->FindPartnerKey(app.partner_key_hash->Hash(key));
  if (!found) {
    log::Info("partner API: unknown key", {{"path", request.path}});
    access.refusal = Unauthorized(app, request, N_("This API key is not known."));
    return access;
  }
  long long now = app.now();
  // Every key, also a revoked one, is limited: a revoked key still being tried is logged once per
  // token, not once per request of a runaway client.
  std::string client = "key:" + std::to_string(found->id);
  if (!app.partner_limits->Allow(client, static_cast<double>(now))) {
    double wait = app.partner_limits->SecondsUntilAllowed(client, static_cast<double>(now));
    access.refusal = ProblemResponse(
        app, request, 429, "rate-limited", N_("Too many requests"),
        N_("This API key sent too many requests in a short time. Try again after the number of "
           "seconds in Retry-After."));
    access.refusal->Set("Retry-After",
                        std::to_string(std::max(1LL, std::llround(std::ceil(wait)))));
    return access;
  }
  if (found->revoked_at) {
    app.audit.Audit(AuditEntry{.user_id = std::nullopt,
                               .action = "partner_key.refused",
                               .bureau_id = found->bureau_id,
                               .detail = "key " + std::to_string(found->id) + " revoked"},
                    now);
    access.refusal = Unauthorized(app, request, N_("This API key has been revoked."));
    return access;
  }
  if (!found->last_used_at || now - *found->last_used_at >= kTouchEverySeconds) {
    try {
      app.partner_keys->TouchPartnerKey(found->id, now);
    } catch (const std::exception&) {
      // When the database is too busy, the day shown stays a minute older: not worth a refusal.
    }
  }
  access.key = std::move(*found);
  return access;
}

}  // namespace meldpunt::web
