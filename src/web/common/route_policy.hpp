#pragma once
// Who may call a route, written once where the route is added: the route table enforces the
// policy before the handler runs, so no handler parses its own form, checks the anti-forgery
// token or the staff member's role.
//
// The checks, in this order (the order every handler followed before it was written here):
//   1. a POST's form is parsed within the route's limits          400 when malformed
//   2. the form's anti-forgery token matches the cookie            403
//   3. staff routes: a live session                                303 to the login page
//   4. staff routes: the role allows the route's permission        403, on the audit record
//   5. routes that ask for it: a recent password and second factor 303 to the confirm page
// Then the handler gets a typed request: the parsed form, and for staff the signed-in member with
// their bureau.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/staff_role.hpp"
#include "http/message.hpp"
#include "http/request_form.hpp"
#include "http/router.hpp"
#include "store/partner_key_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The parser limits of an ordinary form without files.
http::FormLimits PlainForm();

// A POST from anyone (the report form, following a report up, logging in), after the checks.
struct FormRequest {
  const http::Request& http;
  http::ParsedForm form;
};

// A request from a signed-in staff member whose role allows the route, after the checks.
struct StaffRequest {
  const http::Request& http;
  StaffSession staff;
  // The bureau the staff member works for (nullopt for roles across bureaus).
  const std::optional<long long>& bureau() const { return staff.bureau_id; }
  http::ParsedForm form;  // empty for a GET
};

// A request of a partner's server with a live API key (issue 17), after the checks.
struct ApiRequest {
  const http::Request& http;
  PartnerKey key;
};

using PublicHandler = http::Response (*)(const AppContext&, const http::Request&);
using FormHandler = http::Response (*)(const AppContext&, const FormRequest&);
using StaffHandler = http::Response (*)(const AppContext&, const StaffRequest&);
using ApiHandler = http::Response (*)(const AppContext&, const ApiRequest&);

// Who may call a route.
enum class Caller {
  kAnyone,  // public pages
  kStaff,   // a signed-in staff member (with `permission` when set)
  // A partner's server with an API key (Authorization: Bearer), rate-limited per key. Not a
  // browser form: no anti-forgery token, no session, no fetch-metadata check, and never a cookie.
  kPartner,
};

struct RoutePolicy {
  Caller caller = Caller::kAnyone;
  // Staff: what the role must allow; nullopt: any signed-in staff member (their own sessions).
  std::optional<Permission> permission{};
  bool csrf = false;  // a form with the anti-forgery token (every POST)
  http::FormLimits form = PlainForm();
  size_t body_limit = 0;  // bytes; 0: the server's default
  http::Runs runs = http::Runs::kOnWorker;
  // Ask for the password and second factor again when they are older than --reauth-minutes
  // (exports of personal data, managing staff). A GET comes back to itself after confirming; a
  // POST to `confirm_return`, the page with its form.
  bool recent_auth = false;
  std::string confirm_return{};
};

// One route with its policy, for the listing test and the docs.
struct RouteEntry {
  http::Method method;
  std::string path;
  RoutePolicy policy;
};

// Optional parts of a policy, for AddStaff and AddForm.
struct RouteOptions {
  http::FormLimits form = PlainForm();
  size_t body_limit = 0;
  bool recent_auth = false;
  std::string confirm_return{};
};

// Adds routes to an http::Router with their policies, and keeps the list of them.
class RouteTable {
 public:
  explicit RouteTable(const AppContext& app) : app_(app) {}

  // A page or file anyone may fetch. `runs`: kOnIoThread only for handlers that never block.
  void AddPublic(http::Method method, std::string_view path, PublicHandler handler,
                 http::Runs runs = http::Runs::kOnWorker);
  // A handler that is not a plain function (health checks, static files, cached pages).
  void AddPublic(http::Method method, std::string_view path, http::Handler handler,
                 http::Runs runs = http::Runs::kOnWorker);
  // A form anyone may send (POST), with the anti-forgery token.
  void AddForm(std::string_view path, FormHandler handler, RouteOptions options = {});
  // A staff route. A POST parses the form and checks the anti-forgery token; `permission`
  // nullopt lets in any signed-in staff member.
  void AddStaff(http::Method method, std::string_view path, std::optional<Permission> permission,
                StaffHandler handler, RouteOptions options = {});

  // A partner API route (Caller::kPartner); answers are JSON, refusals problem details.
  void AddApi(http::Method method, std::string_view path, ApiHandler handler,
              RouteOptions options = {});

  const AppContext& App() const { return app_; }
  const std::vector<RouteEntry>& Entries() const { return entries_; }
  const http::Router& Router() const { return router_; }
  http::Router TakeRouter() && { return std::move(router_); }

 private:
  const AppContext& app_;
  http::Router router_;
  std::vector<RouteEntry> entries_;
};

// Every route with its policy as the rows of a Markdown table (method, path, who, permission,
// checks), in the order added: docs/routes.md holds the same table (a unit test compares them).
std::string DescribeRoutes(const std::vector<RouteEntry>& entries);

// The checks of a policy on one request: the typed request, or the response that refuses.
// (Exposed for tests; the route table calls it.)
struct Checked {
  std::optional<http::ParsedForm> form;
  std::optional<StaffSession> staff;
  std::optional<http::Response> refusal;
};
Checked CheckPolicy(const AppContext& app, const http::Request& request, const RoutePolicy& policy);

}  // namespace meldpunt::web
