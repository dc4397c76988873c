#pragma once
// The counts per municipality of the staff member's working area (/medewerkers/cijfers).
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

http::Response StaffFiguresPage(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
