#pragma once
// The deadlines work list for staff (/medewerkers/termijnen): overdue and due-soon work on open
// complaints. A handler sees their own cases (or the unassigned ones); a coordinator or bureau
// admin sees the whole bureau, grouped per handler, or one handler's cases.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// GET /medewerkers/termijnen[?behandelaar=alle|geen|<user id>]
http::Response StaffDeadlinesPage(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
