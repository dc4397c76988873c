#pragma once
// Classifying a report again (herclassificatie), with the current code lists:
// GET and POST /medewerkers/meldingen/{id}/classificatie. The report then carries the current
// code-list version; the change is an event in the case history.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response StaffClassificationPage(const AppContext& app, const StaffRequest& request);
http::Response StaffClassify(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
