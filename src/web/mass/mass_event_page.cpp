#include "web/mass/mass_event_page.hpp"

#include <algorithm>
#include <charconv>

#include "domain/cases/mass_event.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/follow_up.hpp"
#include "security/crypto.hpp"
#include "store/audit_store.hpp"
#include "store/code_list_store.hpp"
#include "store/mass_event_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/common/code_list_labels.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/mass/mass_handlers.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

constexpr size_t kPageSize = 200;  // linked reports shown per page

size_t PageOf(const http::Request& request, size_t pages) {
  std::string text = request.QueryParam("pagina");
  size_t page = 1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (ec != std::errc{} || end != text.data() + text.size() || page < 1) page = 1;
  return std::min(page, std::max<size_t>(pages, 1));
}

std::string JoinReferences(const std::vector<std::string>& references) {
  std::string out;
  for (const auto& reference : references) {
    if (!out.empty()) out += ", ";
    out += reference;
  }
  return out;
}

// A count from the query string of the redirect after a bulk action, or empty.
std::string CountParam(const http::Request& request, const char* name) {
  std::string text = request.QueryParam(name);
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 0) return "";
  return std::to_string(value);
}

}  // namespace

std::optional<MassEvent> VisibleMassEvent(const AppContext& app, const StaffSession& staff,
                                          long long event_id) {
  if (!staff.bureau_id) return std::nullopt;
  return app.mass_events.GetMassEvent(event_id, *staff.bureau_id);
}

MassPost BeginMassPost(const AppContext& app, const StaffRequest& req, std::string_view action) {
  MassPost post;
  auto path = ParseMassEventPath(req.http.path);
  std::optional<MassEvent> event;
  if (path && path->action == action) event = VisibleMassEvent(app, req.staff, path->id);
  if (!event) {
    post.refusal = ErrorPage(app, 404, &req.http);
    return post;
  }
  post.bureau_id = *req.bureau();  // VisibleMassEvent refuses staff without one
  post.event = std::move(*event);
  return post;
}

http::Response StaffMassEventPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto path = ParseMassEventPath(request.path);
  if (!path || !path->action.empty()) return ErrorPage(app, 404, &request);
  auto event = VisibleMassEvent(app, req.staff, path->id);
  if (!event) return ErrorPage(app, 404, &request);
  return MassEventPage(app, request, req.staff, *event, 200);
}

http::Response MassEventPage(const AppContext& app, const http::Request& request,
                             const StaffSession& staff, const MassEvent& event, int status,
                             const MassPageState& state) {
  Lang lang = LangOf(request);
  bool own_event = staff.bureau_id && *staff.bureau_id == event.bureau_id;
  auto linked = app.mass_events.ListMassEventReports(event.id, staff.bureau_id.value_or(0));
  // The list names reports of the bureau: it goes on the record before it is shown.
  app.audit.Audit(
      staff.user_id, "mass.read",
      "mass event " + std::to_string(event.id) + ": " + std::to_string(linked.size()) + " reports",
      app.now());
  bool may_bulk = Allows(staff.role, Permission::kBulkActions);
  TemplateData data;
  data.set("id", std::to_string(event.id));
  data.set("name", event.name);
  SetIfNotEmpty(data, "description", event.description);
  data.set("started_on", event.started_on);
  data.set("created_on", FormatIsoDate(DateOfUnixSeconds(event.created_at)));
  data.set("bureau_name", event.bureau_name);
  // Who made it is named within the bureau that made it; other bureaus see the bureau.
  if (own_event) SetIfNotEmpty(data, "created_by", event.created_by_email);
  data.set("linked_elsewhere", std::to_string(event.linked_elsewhere));
  // Counted from the list just read, so the facts and the table agree.
  long long open = std::count_if(linked.begin(), linked.end(),
                                 [](const MassLinkedReport& r) { return IsOpen(r.step); });
  data.set("linked", std::to_string(linked.size()));
  data.set("open", std::to_string(open));
  data.set("closed", std::to_string(static_cast<long long>(linked.size()) - open));
  data.set("may_bulk", Bool(may_bulk));

  size_t pages = (linked.size() + kPageSize - 1) / kPageSize;
  size_t page_number = PageOf(request, pages);
  size_t first = (page_number - 1) * kPageSize;
  size_t last = std::min(linked.size(), first + kPageSize);
  kainjow::mustache::list rows;
  for (size_t i = first; i < last; ++i) {
    const auto& report = linked[i];
    TemplateData row;
    row.set("id", std::to_string(report.id));
    row.set("reference", report.reference);
    row.set("reported_on", FormatDutchDate(report.reported_at));
    row.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
    row.set("step", LabelOf(app, lang, StepLabels(), StepCode(report.step)));
    row.set("step_code", std::string(StepCode(report.step)));
    rows.push_back(row);
  }
  data.set("reports", rows);
  data.set("has_linked", Bool(!linked.empty()));
  data.set("first_shown", std::to_string(linked.empty() ? 0 : first + 1));
  data.set("last_shown", std::to_string(last));
  data.set("paged", Bool(pages > 1));
  if (page_number > 1) data.set("previous_page", std::to_string(page_number - 1));
  if (page_number < pages) data.set("next_page", std::to_string(page_number + 1));

  // Bulk closing covers the open reports as they are now, each at the version shown.
  std::vector<SeenCase> seen;
  for (const auto& report : linked) {
    if (!IsOpen(report.step)) continue;
    if (seen.size() >= kMaxMassReportsPerRequest) break;
    seen.push_back({report.id, report.case_version});
  }
  data.set("has_open", Bool(!seen.empty()));
  data.set("seen", FormatSeenCases(seen));
  data.set("to_close", std::to_string(seen.size()));
  data.set("close_limited", Bool(open > static_cast<long long>(seen.size())));

  // Forms, with what was typed.
  data.set("references", state.references);
  SetIfNotEmpty(data, "references_error", state.references_error);
  data.set("from", state.filter.from);
  data.set("until", state.filter.until);
  data.set("nature", state.filter.nature);
  data.set("domain", state.filter.domain);
  data.set("ground", state.filter.ground);
  SetIfNotEmpty(data, "dates_error", state.dates_error);
  data.set("natures", Choices(app, lang, "nature", NatureLabels(), {state.filter.nature}));
  data.set("domains", Choices(app, lang, "domain", DomainLabels(), {state.filter.domain}));
  data.set("grounds", Choices(app, lang, "ground", GroundLabels(), {state.filter.ground}));
  if (state.match_count) {
    data.set("has_match", Bool(true));
    data.set("match_count", std::to_string(*state.match_count));
    data.set("match_any", Bool(*state.match_count > 0));
    data.set("over_limit",
             Bool(*state.match_count > static_cast<long long>(kMaxMassReportsPerRequest)));
  }
  if (state.link_result) {
    const auto& result = *state.link_result;
    data.set("link_done", Bool(true));
    data.set("linked_now", std::to_string(result.linked));
    data.set("more_match", Bool(state.more_match));
    data.set("event_full", Bool(result.event_full));
    data.set("has_already", Bool(!result.already_linked.empty()));
    data.set("already", JoinReferences(result.already_linked));
    data.set("has_other_event", Bool(!result.other_event.empty()));
    data.set("other_event", JoinReferences(result.other_event));
    data.set("has_not_found", Bool(!result.not_found.empty()));
    data.set("not_found", JoinReferences(result.not_found));
  }
  data.set("message", state.message);
  SetIfNotEmpty(data, "message_error", state.message_error);
  data.set("max_message", std::to_string(kMaxMessageChars));
  // A new key per page: the same form sent twice answers the reporters once.
  data.set("submission_key", RandomToken(24));
  data.set("handling_choices",
           CodeListChoices(app, lang, app.code_lists.LoadCodeLists(), CodeListKind::kHandlings,
                           "handling", state.handlings));
  data.set("outcome_choices", Choices(app, lang, "outcome", OutcomeLabels(), {state.outcome}));
  SetIfNotEmpty(data, "close_error", state.close_error);
  SetIfNotEmpty(data, "problem", state.problem);
  SetIfNotEmpty(data, "problem_field", state.problem_field);

  // Confirmations after a redirect.
  data.set("created", Bool(request.QueryParam("aangemaakt") == "1"));
  if (auto n = CountParam(request, "ontkoppeld"); !n.empty()) data.set("unlinked", n);
  if (auto n = CountParam(request, "verzonden"); !n.empty()) {
    data.set("sent", n);
    data.set("mails", CountParam(request, "mails").empty() ? "0" : CountParam(request, "mails"));
  }
  if (auto n = CountParam(request, "gesloten"); !n.empty()) {
    data.set("closed_done", Bool(true));
    data.set("closed_now", n);
    auto skipped = CountParam(request, "overgeslagen");
    data.set("skipped", skipped.empty() ? "0" : skipped);
  }
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_mass_event", N_("Mass report"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace meldpunt::web
