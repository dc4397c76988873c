#pragma once
// POST /api/v1/reports (issue 17): a partner's server sends a report as JSON. It passes the
// public form's rules (ValidateReport) and is registered as the form registers one
// (RegisterReport), with channel "app" and the partner's key; the answer is the reference and the
// receipt code. An Idempotency-Key makes a retry safe: the same key with the same body answers
// the same again and registers nothing; with another body it is refused.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

inline constexpr size_t kMaxIdempotencyKeyChars = 64;

// Whether an Idempotency-Key header has the form the API takes: 1-64 of A-Z a-z 0-9 . _ : -
bool IsIdempotencyKey(std::string_view key);

http::Response PostPartnerReport(const AppContext& app, const ApiRequest& req);

// GET /api/v1/openapi.json: the document read at start from data/openapi.json.
http::Response OpenApiDocument(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
