#pragma once
// The routes of letters to the other party: the bureau's templates and the letters of a case.
#include "http/router.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

void AddLetterRoutes(const AppContext& app, http::Router& router);

}  // namespace meldpunt::web
