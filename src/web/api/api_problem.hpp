#pragma once
// Errors of the partner API as problem details (RFC 9457, application/problem+json): type, title,
// status, detail and, for a report that breaks the form's rules, one entry per field. Texts are
// English message ids, answered in Dutch or English by Accept-Language (Dutch when it names
// neither first: the bureaus' own language, as on the staff pages).
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The type URIs are "urn:meldpunt:problem:<slug>" (docs/api.md lists the slugs).
inline constexpr std::string_view kProblemTypePrefix = "urn:meldpunt:problem:";

struct ApiFieldProblem {
  std::string field;
  std::string code;     // a stable code: "required", "invalid_choice", "not_text", ...
  std::string message;  // an English message id, translated when the answer is made
};

// nl or en by the Accept-Language header: the first of the two it lists with a weight above 0;
// Dutch when it lists neither.
Lang ApiLang(const http::Request& request);

// A problem answer. title and detail are English message ids.
http::Response ProblemResponse(const AppContext& app, const http::Request& request, int status,
                               std::string_view slug, const char* title, const char* detail,
                               const std::vector<ApiFieldProblem>& errors = {});

// An error the server answers before any route runs (an unknown path, a method not allowed, a
// body over the route's limit, a busy server): as problem details with the error page's own
// title and explanation, type urn:meldpunt:problem:http-<status>.
http::Response ApiErrorResponse(const AppContext& app, const http::Request& request, int status);

// A JSON answer (application/json).
http::Response JsonResponse(int status, std::string body);

}  // namespace meldpunt::web
