#pragma once
// Population figures (inwonertallen): /medewerkers/inwoners, where a bureau admin enters the
// inhabitants of each municipality of their working area per year (a system admin: of every
// bureau's area), for the figures per 1,000 inhabitants.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// Every current municipality, plus the token and the year: a form with more is not ours.
inline constexpr size_t kMaxPopulationFormFields = 400;

http::Response StaffPopulationPage(const AppContext& app, const StaffRequest& request);
http::Response StaffPopulationSave(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
