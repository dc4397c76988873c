#pragma once
// The mass-report part of the figures page (/medewerkers/cijfers): the choice to count with or
// without the reports linked to mass events (?massa=zonder), and a line per event saying how
// many of the year's reports it holds.
#include "http/message.hpp"
#include "store/figures_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/app.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// ?massa=zonder: leave the reports linked to mass events out of the counts.
MassReports MassChoiceOf(const http::Request& request);

// Sets without_mass, mass_query (for links that keep the choice), and, except for a municipality
// viewer (whose figures are of one municipality only), has_mass, mass_total and mass_events.
void AddMassFigures(const AppContext& app, const http::Request& request, const StaffSession& staff,
                    int year, TemplateData& data);

}  // namespace meldpunt::web
