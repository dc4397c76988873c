#pragma once
// Who may call a partner API route: a live API key in "Authorization: Bearer <key>", within its
// rate limit. Refusals are problem details: 401 (with WWW-Authenticate) for a missing, unknown or
// revoked key, 429 (with Retry-After) over the limit, 503 when the API is not set up.
#include <optional>

#include "http/message.hpp"
#include "store/partner_key_store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

struct PartnerAccess {
  std::optional<PartnerKey> key;
  std::optional<http::Response> refusal;
};

PartnerAccess CheckPartnerKey(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
