#include "web/worklists/staff_search_handlers.hpp"

#include <map>

#include "domain/dutch_time.hpp"
#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/case_list_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_options.hpp"
#include "web/worklists/filter_options.hpp"
#include "web/worklists/search_form.hpp"

namespace meldpunt::web {
namespace {

struct Results {
  ReportSearchResult found;
  int page = 1;
};

http::Response SearchPage(const AppContext& app, const http::Request& request,
                          const StaffSession& staff, int status, const SearchInput& in,
                          const std::vector<SearchFieldError>& errors,
                          const std::optional<Results>& results) {
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  long long bureau = staff.bureau_id.value_or(0);
  auto staff_list = app.staff.ListBureauStaff(bureau);

  TemplateData data;
  // The fields as typed.
  data.set("ref", in.ref);
  data.set("from", in.from);
  data.set("to", in.to);
  data.set("text", in.text);
  data.set("max_text", std::to_string(kMaxSearchTextChars));
  data.set("municipalities", MunicipalityChoices(app, lang, in.municipality));
  kainjow::mustache::list where;
  where.push_back(SelectOption("either", tr(N_("Place of incident or residence")),
                               in.municipality_field.empty() || in.municipality_field == "either"));
  where.push_back(
      SelectOption("incident", tr(N_("Place of incident")), in.municipality_field == "incident"));
  where.push_back(
      SelectOption("residence", tr(N_("Residence")), in.municipality_field == "residence"));
  data.set("municipality_fields", where);
  data.set("grounds", CodeOptions(app, lang, N_("Any ground"), GroundLabels(), in.ground));
  data.set("domains", CodeOptions(app, lang, N_("Any domain"), DomainLabels(), in.domain));
  data.set("natures", CodeOptions(app, lang, N_("Any nature"), NatureLabels(), in.nature));
  data.set("handlings", CodeOptions(app, lang, N_("Any handling"), HandlingLabels(), in.handling));
  kainjow::mustache::list steps = CodeOptions(app, lang, N_("Any step"), StepLabels(), in.step);
  steps.insert(steps.begin() + 1, SelectOption("open", tr(N_("Any open step")), in.step == "open"));
  data.set("steps", steps);
  kainjow::mustache::list handlers;
  handlers.push_back(SelectOption("", tr(N_("Anyone")), in.handler.empty()));
  handlers.push_back(SelectOption("none", tr(N_("Not assigned")), in.handler == "none"));
  for (const auto& user : staff_list) {
    if (!IsCaseHandler(user)) continue;
    std::string id = std::to_string(user.id);
    handlers.push_back(SelectOption(id, user.email, in.handler == id));
  }
  data.set("handlers", handlers);
  kainjow::mustache::list types;
  types.push_back(SelectOption("", tr(N_("Reports and complaints")), in.type.empty()));
  types.push_back(SelectOption("complaint", tr(N_("Complaints only")), in.type == "complaint"));
  types.push_back(
      SelectOption("report", tr(N_("Reports for registration only")), in.type == "report"));
  data.set("types", types);

  // What to correct: a summary linking to the fields, and each message at its field.
  kainjow::mustache::list summary;
  for (const auto& error : errors) {
    TemplateData item;
    item.set("field", error.field);
    item.set("message", tr(error.message));
    summary.push_back(item);
    data.set(error.field + "_error", tr(error.message));
  }
  data.set("errors", summary);
  data.set("has_errors", Bool(!errors.empty()));

  if (results) {
    std::map<long long, std::string> emails;
    for (const auto& user : staff_list) emails[user.id] = user.email;
    kainjow::mustache::list rows;
    for (const auto& report : results->found.reports) {
      TemplateData row;
      row.set("id", std::to_string(report.id));
      row.set("reference", report.reference);
      row.set("reported_on", FormatDutchDate(report.reported_at));
      row.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
      row.set("residence_municipality",
              MunicipalityLabel(app, lang, report.residence_municipality));
      row.set("grounds", LabelsOf(app, lang, GroundLabels(), report.grounds));
      row.set("step", LabelOf(app, lang, StepLabels(), StepCode(report.step)));
      std::string handler = tr(N_("Not assigned"));
      if (report.assigned_to) {
        auto it = emails.find(*report.assigned_to);
        handler = it != emails.end() ? it->second : std::to_string(*report.assigned_to);
      }
      row.set("handler", handler);
      row.set("type", tr(report.is_complaint ? N_("Complaint") : N_("Report")));
      rows.push_back(row);
    }
    long long total = results->found.total;
    long long pages = (total + kSearchPageSize - 1) / kSearchPageSize;
    data.set("searched", Bool(true));
    data.set("results", rows);
    data.set("has_results", Bool(!rows.empty()));
    data.set("total", std::to_string(total));
    data.set("page", std::to_string(results->page));
    data.set("pages", std::to_string(pages));
    data.set("capped", Bool(results->found.capped));
    data.set("max_candidates", std::to_string(kMaxSearchCandidates));
    // Paging links: the same search as a GET address, one page on or back.
    std::string base = std::string(kSearchPath) + "?";
    data.set("has_previous", Bool(results->page > 1));
    data.set("previous_url", base + SearchQueryString(in, results->page - 1));
    data.set("has_next", Bool(results->page < pages));
    data.set("next_url", base + SearchQueryString(in, results->page + 1));
  }
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_search", N_("Search"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

// The search is a GET (issue 14): its address can be bookmarked, sent to a colleague of the
// bureau and reopened, and the back button returns to it. Without parameters it is the empty
// form; with any, the search runs.
http::Response StaffSearchPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  if (request.query.empty())
    return SearchPage(app, request, staff, 200, SearchInput{}, {}, std::nullopt);
  long long bureau = staff.bureau_id.value_or(0);
  auto fields = http::ParseFormFields(request.query, 40);
  if (!fields) {
    std::vector<SearchFieldError> unreadable{
        {"text", N_("This address of the search cannot be read. Fill in the search again.")}};
    return SearchPage(app, request, staff, 400, SearchInput{}, unreadable, std::nullopt);
  }
  SearchInput input = SearchInputOf(*fields);
  auto staff_list = app.staff.ListBureauStaff(bureau);
  std::erase_if(staff_list, [](const StaffUser& user) { return !IsCaseHandler(user); });
  SearchValidation checked = ValidateSearch(input, bureau, app.municipalities, staff_list);
  if (!checked.errors.empty())
    return SearchPage(app, request, staff, 422, input, checked.errors, std::nullopt);

  Results results;
  results.page = input.page;
  results.found = app.case_lists.SearchReports(
      checked.search, kSearchPageSize, (input.page - 1) * kSearchPageSize, kMaxSearchCandidates);
  // Every search goes on the record, with its filters but never the free text itself: one entry
  // per search (page), naming the cases shown, so "who saw this case" finds the search.
  AuditEntry entry = AuditEntry::ForBureau(
      staff.user_id, "search", std::nullopt,
      SearchAuditSubject(input) + ": " + std::to_string(results.found.total) + " found");
  for (const auto& report : results.found.reports) entry.listed_ids.push_back(report.id);
  app.audit.Audit(entry, app.now());
  return SearchPage(app, request, staff, 200, input, {}, results);
}

}  // namespace meldpunt::web
