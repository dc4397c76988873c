#include "web/figures/mass_figures.hpp"

#include "store/figures_store.hpp"
#include "store/mass_event_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

MassReports MassChoiceOf(const http::Request& request) {
  return request.QueryParam("massa") == "zonder" ? MassReports::kExcluded : MassReports::kIncluded;
}

void AddMassFigures(const AppContext& app, const http::Request& request, const StaffSession& staff,
                    int year, TemplateData& data) {
  bool without = MassChoiceOf(request) == MassReports::kExcluded;
  data.set("without_mass", Bool(without));
  data.set("with_mass", Bool(!without));
  data.set("mass_query", without ? "&massa=zonder" : "");
  if (staff.role == StaffRole::kMunicipalityViewer) return;
  kainjow::mustache::list events;
  long long total = 0;
  for (const auto& count : app.mass_events.CountMassReports(year)) {
    TemplateData item;
    item.set("id", std::to_string(count.event_id));
    item.set("name", count.name);
    item.set("reports", std::to_string(count.reports));
    events.push_back(item);
    total += count.reports;
  }
  data.set("has_mass", Bool(total > 0));
  data.set("mass_total", std::to_string(total));
  data.set("mass_events", events);
}

}  // namespace meldpunt::web
