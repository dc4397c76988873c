#pragma once
// The counts per municipality of the staff member's working area (/medewerkers/cijfers).
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response StaffFiguresPage(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
