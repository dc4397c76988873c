#pragma once
// The bureau's settings page (/medewerkers/instellingen), for the bureau admin: one number field
// per entry of domain/cases/bureau_settings.hpp, checked against its range.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/instellingen
http::Response StaffSettingsPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/instellingen: one field per setting, named by the setting; all or nothing.
http::Response StaffSettingsSave(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
