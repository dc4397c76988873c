// Linking the bureau's own reports to a mass-report event (of any bureau), by a list of
// references or by a filter (count first, then link), and unlinking them.
#include "domain/cases/mass_event.hpp"
#include "store/audit_store.hpp"
#include "store/mass_event_store.hpp"
#include "web/common/pages.hpp"
#include "web/mass/mass_event_page.hpp"
#include "web/mass/mass_handlers.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

void AuditLink(const AppContext& app, const StaffRequest& req, const MassPost& post,
               const MassLinkResult& result, const char* how) {
  app.audit.Audit(req.staff.user_id, "mass.link",
                  "mass event " + std::to_string(post.event.id) + ": " +
                      std::to_string(result.linked) + " reports by " + how,
                  app.now());
}

http::Response LinkByReferences(const AppContext& app, const StaffRequest& req,
                                const MassPost& post) {
  const http::Request& request = req.http;
  Lang lang = LangOf(request);
  MassPageState state;
  state.references = req.form.fields.Get("references");
  auto list = ParseReferenceList(state.references, kMaxMassReportsPerRequest);
  std::string error;
  if (list.too_many) {
    error = app.translator.Get(lang, N_("At most 5,000 references at a time. Split the list."));
  } else if (!list.not_understood.empty()) {
    error = FillIn(app.translator.Get(lang, N_("Not a reference: {list}. Nothing was linked; "
                                               "correct these or take them out.")),
                   "{list}", Join(list.not_understood));
  } else if (list.references.empty()) {
    error = app.translator.Get(lang, N_("Paste one or more references first."));
  }
  if (!error.empty()) {
    state.references_error = state.problem = error;
    state.problem_field = "references";
    return MassEventPage(app, request, req.staff, post.event, 422, state);
  }
  // Only the bureau's own reports: another bureau's reference is "not found", like a typo.
  auto result = app.mass_events.LinkReports(post.event.id, post.bureau_id, list.references,
                                            req.staff.user_id, app.now());
  AuditLink(app, req, post, result, "reference");
  state.link_result = std::move(result);
  state.references.clear();
  return MassEventPage(app, request, req.staff, post.event, 200, state);
}

http::Response LinkByFilter(const AppContext& app, const StaffRequest& req, const MassPost& post) {
  const http::Request& request = req.http;
  Lang lang = LangOf(request);
  MassPageState state;
  const http::FormFields& form = req.form.fields;
  state.filter = {form.Get("from"), form.Get("until"), form.Get("nature"), form.Get("domain"),
                  form.Get("ground")};
  auto check = CheckMassFilter(state.filter, post.bureau_id);
  if (check.problem == "codes") return ErrorPage(app, 400, &request);
  if (!check.filter) {
    state.dates_error = state.problem = app.translator.Get(
        lang, N_("Give the first and the last day of reporting as dates, the last not before the "
                 "first."));
    state.problem_field = "from";
    return MassEventPage(app, request, req.staff, post.event, 422, state);
  }
  std::string step = form.Get("step");
  if (step == "count") {
    state.match_count = app.mass_events.CountUnlinkedReports(*check.filter);
    return MassEventPage(app, request, req.staff, post.event, 200, state);
  }
  if (step != "link") return ErrorPage(app, 400, &request);
  // The filter is applied again: what matches now is linked, the oldest first.
  auto found = app.mass_events.FindUnlinkedReports(*check.filter,
                                                   static_cast<int>(kMaxMassReportsPerRequest));
  auto result = app.mass_events.LinkReports(post.event.id, post.bureau_id, found, req.staff.user_id,
                                            app.now());
  AuditLink(app, req, post, result, "filter");
  state.more_match = !result.event_full && app.mass_events.CountUnlinkedReports(*check.filter) > 0;
  state.link_result = std::move(result);
  return MassEventPage(app, request, req.staff, post.event, 200, state);
}

}  // namespace

http::Response StaffMassLink(const AppContext& app, const StaffRequest& req) {
  auto post = BeginMassPost(app, req, "koppelen");
  if (post.refusal) return std::move(*post.refusal);
  std::string how = req.form.fields.Get("how");
  if (how == "references") return LinkByReferences(app, req, post);
  if (how == "filter") return LinkByFilter(app, req, post);
  return ErrorPage(app, 400, &req.http);
}

http::Response StaffMassUnlink(const AppContext& app, const StaffRequest& req) {
  // The route lets the form have one field per chosen report (kMassUnlinkFormFields).
  const http::Request& request = req.http;
  auto post = BeginMassPost(app, req, "ontkoppelen");
  if (post.refusal) return std::move(*post.refusal);
  auto ids = ParseReportIds(req.form.fields.GetAll("report"), kMaxMassReportsPerRequest);
  if (!ids) return ErrorPage(app, 400, &request);
  if (ids->empty()) {
    MassPageState state;
    state.problem = app.translator.Get(LangOf(request), N_("Choose the reports to unlink first."));
    state.problem_field = "linked";
    return MassEventPage(app, request, req.staff, post.event, 422, state);
  }
  long long unlinked = app.mass_events.UnlinkReports(post.event.id, post.bureau_id, *ids,
                                                     req.staff.user_id, app.now());
  app.audit.Audit(
      req.staff.user_id, "mass.unlink",
      "mass event " + std::to_string(post.event.id) + ": " + std::to_string(unlinked) + " reports",
      app.now());
  return http::Response::SeeOther(MassEventPathOf(post.event.id) +
                                  "?ontkoppeld=" + std::to_string(unlinked));
}

}  // namespace meldpunt::web
