#pragma once
// The norms (termijnen) a bureau holds its cases to. The one place the web layer asks for them,
// so that the bureau's own settings can feed every page at once when they exist.
#include "domain/cases/deadlines.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The deadline settings of a bureau: what it chose on its settings page
// (/medewerkers/instellingen), else the defaults of the published protocols.
DeadlineSettings DeadlineSettingsFor(const AppContext& app, long long bureau_id);

}  // namespace meldpunt::web
