// The mass-report events (massameldingen) of the installation, each with the bureau that made it
// and the reader's bureau's counts, and the form to add one.
#include "domain/cases/mass_event.hpp"
#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/mass_event_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/mass/mass_forms.hpp"
#include "web/mass/mass_handlers.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

// The problems of ValidateMassEvent, and kInvalidChoice on the name for a name in use.
const char* EventProblemMessage(const FieldError& error) {
  if (error.field == "name" && error.problem == Problem::kInvalidChoice)
    return N_(
        "There is an event with this name already, perhaps of another bureau: link your "
        "reports to that one.");
  if (error.problem == Problem::kRequired) {
    return error.field == "name" ? N_("Give the event a name.")
                                 : N_("Enter the date the event started.");
  }
  return ProblemMessage(error.field, error.problem);
}

http::Response EventsPage(const AppContext& app, const http::Request& request,
                          const StaffSession& staff, int status,
                          const MassEventValidation* typed = nullptr) {
  Lang lang = LangOf(request);
  kainjow::mustache::list rows;
  auto events = app.mass_events.ListMassEvents(staff.bureau_id.value_or(0));
  for (const auto& event : events) {
    TemplateData row;
    row.set("id", std::to_string(event.id));
    row.set("name", event.name);
    row.set("bureau_name", event.bureau_name);
    row.set("started_on", event.started_on);
    row.set("linked", std::to_string(event.linked));
    row.set("open", std::to_string(event.open));
    row.set("closed", std::to_string(event.closed));
    row.set("linked_elsewhere", std::to_string(event.linked_elsewhere));
    rows.push_back(row);
  }
  TemplateData data;
  data.set("events", rows);
  data.set("has_events", Bool(!events.empty()));
  data.set("may_bulk", Bool(Allows(staff.role, Permission::kBulkActions)));
  data.set("max_name", std::to_string(kMaxMassEventNameChars));
  data.set("max_description", std::to_string(kMaxMassEventDescriptionChars));
  if (typed) {
    data.set("name", typed->event.name);
    data.set("description", typed->event.description);
    data.set("started_on", typed->event.started_on);
    kainjow::mustache::list errors;
    for (const auto& error : typed->errors) {
      std::string text = app.translator.Get(lang, EventProblemMessage(error));
      data.set(error.field + "_error", text);
      TemplateData item;
      item.set("field", error.field);
      item.set("text", text);
      errors.push_back(item);
    }
    data.set("errors", errors);
    data.set("has_errors", Bool(!typed->errors.empty()));
  }
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_mass_events", N_("Mass reports"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

http::Response StaffMassEventsPage(const AppContext& app, const StaffRequest& req) {
  return EventsPage(app, req.http, req.staff, 200);
}

http::Response StaffMassEventAdd(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;
  if (!staff.bureau_id) return ErrorPage(app, 403, &request);
  auto checked =
      ValidateMassEvent({form.Get("name"), form.Get("description"), form.Get("started_on")},
                        DateOfUnixSeconds(app.now()));
  if (!checked.errors.empty()) return EventsPage(app, request, staff, 422, &checked);
  auto id =
      app.mass_events.AddMassEvent({*staff.bureau_id, checked.event.name, checked.event.description,
                                    checked.event.started_on, staff.user_id},
                                   app.now());
  if (!id) {
    checked.errors.push_back({"name", Problem::kInvalidChoice});
    return EventsPage(app, request, staff, 422, &checked);
  }
  app.audit.Audit(staff.user_id, "mass.add", "mass event " + std::to_string(*id), app.now());
  return http::Response::SeeOther(MassEventPathOf(*id) + "?aangemaakt=1");
}

}  // namespace meldpunt::web
