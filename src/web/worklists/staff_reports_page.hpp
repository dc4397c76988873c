#pragma once
// The list of a bureau's reports (/medewerkers/meldingen), or of one's own cases (?mijn=1).
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response StaffReportsPage(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
