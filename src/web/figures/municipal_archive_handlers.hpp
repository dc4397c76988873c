#pragma once
// All municipal reports of a working area as one archive (GET /medewerkers/cijfers/archief): a
// form to choose the year (and, for the system admin, the bureau), and with ?jaar= the ZIP.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

http::Response MunicipalArchive(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
