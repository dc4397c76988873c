#pragma once
// Population figures (inwonertallen): /medewerkers/inwoners, where a bureau admin enters the
// inhabitants of each municipality of their working area per year (a system admin: of every
// bureau's area), for the figures per 1,000 inhabitants.
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr const char* kPopulationPath = "/medewerkers/inwoners";

http::Response StaffPopulationPage(const AppContext& app, const http::Request& request);
http::Response StaffPopulationSave(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
