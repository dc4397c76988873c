#pragma once
// The bureau's partner API keys (API-sleutels, issue 17) for its admin (/medewerkers/api-sleutels):
// every key with its partner, whether it routes reports, who made it and when, when it was last
// used and whether it is revoked; a form to make a key, which is shown once, right after; and a
// button per live key to revoke it. Another bureau's keys are never shown or revoked here.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/api-sleutels
http::Response StaffPartnerKeysPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/api-sleutels: action (create, revoke), partner_name, scope (bureau, routing),
// key (its id, to revoke).
http::Response StaffPartnerKeysAction(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
