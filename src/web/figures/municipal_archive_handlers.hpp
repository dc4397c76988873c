#pragma once
// All municipal reports of a working area as one archive (GET /medewerkers/cijfers/archief): a
// form to choose the year (and, for the system admin, the bureau), and with ?jaar= the ZIP.
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

http::Response MunicipalArchive(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
