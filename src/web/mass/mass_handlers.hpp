#pragma once
// Mass reports (massameldingen), staff pages: every event of the installation, one event with the
// own bureau's linked reports, and the bulk work on them. Reading needs Permission::kReadCases;
// adding, linking, answering and closing need Permission::kBulkActions (coordinator, bureau
// admin), as their routes say (mass_routes.cpp). Every bureau sees every event and works on its own
// reports only; another bureau's reports are never listed, linked, answered or closed (only
// counted).
#include "domain/cases/mass_event.hpp"
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// Bodies of the link, unlink and close forms may name 5,000 reports (see
// domain/cases/mass_event.hpp).
inline constexpr size_t kMassFormBodyLimit = 256 * 1024;
// The unlink form's fields: one per chosen report, plus the token.
inline constexpr size_t kMassUnlinkFormFields = kMaxMassReportsPerRequest + 2;

// GET /medewerkers/massameldingen: the list, and the form to add an event.
http::Response StaffMassEventsPage(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/massameldingen: adds an event.
http::Response StaffMassEventAdd(const AppContext& app, const StaffRequest& request);
// GET /medewerkers/massameldingen/{id}: the event, its linked reports and the bulk forms.
http::Response StaffMassEventPage(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/massameldingen/{id}/koppelen: link by references, or by filter in two steps.
http::Response StaffMassLink(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/massameldingen/{id}/ontkoppelen: unlink the chosen reports.
http::Response StaffMassUnlink(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/massameldingen/{id}/bericht: one message to every linked report.
http::Response StaffMassMessage(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/massameldingen/{id}/afsluiten: close the open linked reports.
http::Response StaffMassClose(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
