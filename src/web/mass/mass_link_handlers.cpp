// Linking the bureau's own reports to a mass-report event (of any bureau), by a list of
// references or by a filter (count first, then link), and unlinking them.
#include "domain/mass_event.hpp"
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

void AuditLink(const AppContext& app, const MassPost& post, const MassLinkResult& result,
               const char* how) {
  app.audit.Audit(post.staff.user_id, "mass.link",
                  "mass event " + std::to_string(post.event.id) + ": " +
                      std::to_string(result.linked) + " reports by " + how,
                  app.now());
}

http::Response LinkByReferences(const AppContext& app, const http::Request& request,
                                const MassPost& post) {
  Lang lang = LangOf(request);
  MassPageState state;
  state.references = post.form.Get("references");
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
    return MassEventPage(app, request, post.staff, post.event, 422, state);
  }
  // Only the bureau's own reports: another bureau's reference is "not found", like a typo.
  auto result = app.mass_events.LinkReports(post.event.id, post.bureau_id, list.references,
                                            post.staff.user_id, app.now());
  AuditLink(app, post, result, "reference");
  state.link_result = std::move(result);
  state.references.clear();
  return MassEventPage(app, request, post.staff, post.event, 200, state);
}

http::Response LinkByFilter(const AppContext& app, const http::Request& request,
                            const MassPost& post) {
  Lang lang = LangOf(request);
  MassPageState state;
  const auto& form = post.form;
  state.filter = {form.Get("from"), form.Get("until"), form.Get("nature"), form.Get("domain"),
                  form.Get("ground")};
  auto check = CheckMassFilter(state.filter, post.bureau_id);
  if (check.problem == "codes") return ErrorPage(app, 400, &request);
  if (!check.filter) {
    state.dates_error = state.problem = app.translator.Get(
        lang, N_("Give the first and the last day of reporting as dates, the last not before the "
                 "first."));
    state.problem_field = "from";
    return MassEventPage(app, request, post.staff, post.event, 422, state);
  }
  std::string step = form.Get("step");
  if (step == "count") {
    state.match_count = app.mass_events.CountUnlinkedReports(*check.filter);
    return MassEventPage(app, request, post.staff, post.event, 200, state);
  }
  if (step != "link") return ErrorPage(app, 400, &request);
  // The filter is applied again: what matches now is linked, the oldest first.
  auto found = app.mass_events.FindUnlinkedReports(*check.filter,
                                                   static_cast<int>(kMaxMassReportsPerRequest));
  auto result = app.mass_events.LinkReports(post.event.id, post.bureau_id, found,
                                            post.staff.user_id, app.now());
  AuditLink(app, post, result, "filter");
  state.more_match = !result.event_full && app.mass_events.CountUnlinkedReports(*check.filter) > 0;
  state.link_result = std::move(result);
  return MassEventPage(app, request, post.staff, post.event, 200, state);
}

}  // namespace

http::Response StaffMassLink(const AppContext& app, const http::Request& request) {
  auto post = BeginMassPost(app, request, "koppelen", kMaxFormFields);
  if (post.refusal) return std::move(*post.refusal);
  std::string how = post.form.Get("how");
  if (how == "references") return LinkByReferences(app, request, post);
  if (how == "filter") return LinkByFilter(app, request, post);
  return ErrorPage(app, 400, &request);
}

http::Response StaffMassUnlink(const AppContext& app, const http::Request& request) {
  // One field per chosen report, plus the token.
  auto post = BeginMassPost(app, request, "ontkoppelen", kMaxMassReportsPerRequest + 2);
  if (post.refusal) return std::move(*post.refusal);
  auto ids = ParseReportIds(post.form.GetAll("report"), kMaxMassReportsPerRequest);
  if (!ids) return ErrorPage(app, 400, &request);
  if (ids->empty()) {
    MassPageState state;
    state.problem = app.translator.Get(LangOf(request), N_("Choose the reports to unlink first."));
    state.problem_field = "linked";
    return MassEventPage(app, request, post.staff, post.event, 422, state);
  }
  long long unlinked = app.mass_events.UnlinkReports(post.event.id, post.bureau_id, *ids,
                                                     post.staff.user_id, app.now());
  app.audit.Audit(
      post.staff.user_id, "mass.unlink",
      "mass event " + std::to_string(post.event.id) + ": " + std::to_string(unlinked) + " reports",
      app.now());
  return http::Response::SeeOther(MassEventPathOf(post.event.id) +
                                  "?ontkoppeld=" + std::to_string(unlinked));
}

}  // namespace meldpunt::web
