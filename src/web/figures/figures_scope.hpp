#pragma once
// Scope by bureau (docs/design.md, "Figures: scope by bureau"): the municipalities whose figures
// a staff member may see. Staff of a bureau see its working area (domain/figures/working_area.hpp,
// the first bureau's includes every municipality no bureau lists); a municipality viewer their own
// municipality; anyone else nothing. Every figures page and file asks here, and refuses the rest
// with RefuseFigures.
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// Today's CBS codes, sorted by code (AreaHolds in domain/figures/working_area.hpp looks one up).
std::vector<std::string> FiguresAreaOf(const AppContext& app, const StaffSession& staff);

// A 403 for figures outside the staff member's scope, after an `access.denied` entry on their
// bureau's audit log that says what was asked for ("figures of GM0363", "dashboard of GM0363").
http::Response RefuseFigures(const AppContext& app, const http::Request& request,
                             const StaffSession& staff, const std::string& what);

}  // namespace meldpunt::web
