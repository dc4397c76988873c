#include "web/api/report_api.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "security/partner_keys.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/partner_key_store.hpp"
#include "web/api/api_problem.hpp"
#include "web/api/report_json.hpp"
#include "web/intake/register_report.hpp"
#include "web/public/report_form_data.hpp"
#include "web/public/step_check.hpp"

namespace meldpunt::web {
namespace json = boost::json;
namespace {

constexpr std::string_view kPartnerChannel = "app";

http::Response InvalidReport(const AppContext& app, const http::Request& request,
                             const std::vector<ApiFieldProblem>& errors) {
  return ProblemResponse(app, request, 422, "invalid-report", N_("The report is not valid"),
                         N_("One or more fields break the rules of the report form; see errors."),
                         errors);
}

}  // namespace

bool IsIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKeyChars) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '-';
  });
}

http::Response PostPartnerReport(const AppContext& app, const ApiRequest& req) {
  const http::Request& request = req.http;
  const PartnerKey& key = req.key;
  std::string_view type = request.Header("content-type").value_or("");
  if (!type.starts_with("application/json")) {
    return ProblemResponse(app, request, 415, "unsupported-media-type", N_("The body must be JSON"),
                           N_("Send the report as JSON with \"Content-Type: application/json\"."));
  }
  std::string idempotency_key(request.Header("idempotency-key").value_or(""));
  if (!IsIdempotencyKey(idempotency_key)) {
    return ProblemResponse(
        app, request, 400, "idempotency-key", N_("An Idempotency-Key is required"),
        N_("Send a header Idempotency-Key of 1 to 64 characters (letters, digits, '.', '_', ':' "
           "or '-'), unique for each report, and the same when you send that report again."));
  }
  ReportJson parsed = ParseReportJson(request.body);
  if (parsed.malformed) {
    return ProblemResponse(app, request, 400, "malformed-json", N_("The body is not valid JSON"),
                           N_("The body must be one JSON object with the report's fields, no "
                              "deeper than lists of codes."));
  }
  ValidationOptions options{.require_consent = true, .postcodes = app.postcodes};
  ReportValidation validation =
      ValidateReport(parsed.input, app.municipalities, LatestIncidentDate(app), options);
  // Every problem at once: the JSON shape first, then the form's rules for the other fields.
  std::vector<ApiFieldProblem> errors;
  std::set<std::string> named;
  for (const auto& error : parsed.errors) {
    errors.push_back({error.field, error.code, error.message});
    named.insert(error.field);
  }
  for (const auto& error : validation.errors) {
    if (named.contains(error.field)) continue;
    errors.push_back({error.field, std::string(ProblemKey(error.problem)),
                      ProblemMessage(error.field, error.problem)});
  }
  if (!errors.empty() || !validation.report) return InvalidReport(app, request, errors);
  NewReport& report = *validation.report;

  // A key of one bureau sends reports for its working area only.
  if (!key.routing && app.partner_keys->RouteOf(report.incident_municipality,
                                                report.residence_municipality) != key.bureau_id) {
    return InvalidReport(
        app, request,
        {{"incident_municipality", "outside_working_area",
          N_("This API key sends reports for its bureau's working area only, and this report "
             "belongs to another bureau. Send it with a key that routes reports, or through the "
             "other bureau.")}});
  }
  report.channel = std::string(kPartnerChannel);
  report.partner_key_id = key.id;
  // Keyed, like the key itself: the body holds personal data, and a plain hash of it could be
  // tested against a guess of the whole report.
  report.partner_request_hash = app.partner_key_hash->Hash(request.body);
  // The form's submission key, made from the key and the Idempotency-Key: a retry gets the same
  // receipt code and the store registers it once.
  std::string submission = "api:" + std::to_string(key.id) + ":" + idempotency_key;
  std::string request_hash = report.partner_request_hash;
  ReportRegistration registered = RegisterReport(app, request, std::move(report), submission);
  if (registered.refusal) {
    http::Response busy =
        ProblemResponse(app, request, 503, "busy", N_("Too busy"),
                        N_("The server is too busy to store the report now; nothing was stored. "
                           "Send it again after the seconds in Retry-After."));
    busy.Set("Retry-After", "30");
    return busy;
  }
  const RegisteredReport& stored = registered.stored;
  if (stored.duplicate) {
    auto first = app.partner_keys->GetPartnerReport(stored.id);
    if (!first || first->api_key_id != key.id || first->request_hash != request_hash) {
      return ProblemResponse(app, request, 422, "idempotency-key-reused",
                             N_("This Idempotency-Key was used for another report"),
                             N_("A report with other content was sent with this Idempotency-Key "
                                "before. Use a new key for a new report."));
    }
  } else {
    app.audit.Audit(AuditEntry{.user_id = std::nullopt,
                               .action = "partner_api.report",
                               .report_id = stored.id,
                               .bureau_id = stored.bureau_id,
                               .detail = stored.reference + " key " + std::to_string(key.id)},
                    app.now());
  }
  json::object body{{"reference", stored.reference},
                    {"receipt_code", registered.receipt},
                    {"status", registered.closed ? "closed" : "received"}};
  http::Response response = JsonResponse(201, json::serialize(body));
  if (stored.duplicate) response.Set("Idempotent-Replayed", "true");
  return response;
}

http::Response OpenApiDocument(const AppContext& app, const http::Request& request) {
  if (!app.openapi_document) {
    return ProblemResponse(app, request, 404, "not-found", N_("Not found"),
                           N_("This server has no API document."));
  }
  http::Response response = JsonResponse(200, *app.openapi_document);
  response.Set("Cache-Control", "public, max-age=3600");
  return response;
}

}  // namespace meldpunt::web
