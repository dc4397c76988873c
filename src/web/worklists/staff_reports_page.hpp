#pragma once
// The list of a bureau's reports (/medewerkers/meldingen), or of one's own cases (?mijn=1).
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

http::Response StaffReportsPage(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
