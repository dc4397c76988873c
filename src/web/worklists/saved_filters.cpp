#include "web/worklists/saved_filters.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "http/form.hpp"
#include "store/saved_filter_store.hpp"
#include "store/staff_account_store.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/intake/intake_view.hpp"
#include "web/paths.hpp"
#include "web/worklists/saved_filter_rules.hpp"
#include "web/worklists/worklist_query.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kDeleteSuffix = "/verwijderen";

std::string ListUrl(const std::string& query) {
  return std::string(kReportsPath) + (query.empty() ? "" : "?" + query);
}

// Whether the list would take this query string: the same checks as the list page itself.
bool ListAccepts(const AppContext& app, const StaffSession& staff, const std::string& query) {
  auto fields = http::ParseFormFields(query, 100);
  if (!fields) return false;
  long long bureau = staff.bureau_id.value_or(0);
  auto handlers = app.staff.ListBureauStaff(bureau);
  std::erase_if(handlers, [](const StaffUser& user) { return !IsCaseHandler(user); });
  std::vector<std::string> channels;
  for (const auto& channel : ChannelLabels()) channels.emplace_back(channel.code);
  return ValidateWorklist(WorklistInputOf(*fields), bureau, staff.user_id, app.municipalities,
                          handlers, channels, app.options.staff_page_size)
      .errors.empty();
}

// The page that says why a filter was not saved, with the name as typed and the form again.
http::Response ProblemPage(const AppContext& app, const StaffRequest& req, int status,
                           const char* problem, const std::string& name, const std::string& query) {
  TemplateData data;
  data.set("problem", app.translator.Get(LangOf(req.http), problem));
  data.set("name", name);
  data.set("query", query);
  data.set("list_url", ListUrl(query));
  data.set("max_name", std::to_string(kMaxSavedFilterNameChars));
  http::Response cookies;
  Page page = StaffPage(app, req.http, cookies, req.staff, "saved_filter_problem",
                        N_("Save this filter"), std::move(data));
  return WithCookies(RenderPage(app, req.http, status, std::move(page)), cookies);
}

}  // namespace

void AddSavedFilterData(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, TemplateData& data) {
  auto filters = app.saved_filters.ListSavedFilters(staff.user_id);
  kainjow::mustache::list items;
  for (const auto& filter : filters) {
    TemplateData item;
    item.set("id", std::to_string(filter.id));
    item.set("name", filter.name);
    item.set("url", ListUrl(filter.query));
    items.push_back(item);
  }
  data.set("saved_filters", items);
  data.set("has_saved_filters", Bool(!filters.empty()));
  data.set("saved_filters_full",
           Bool(filters.size() >= static_cast<size_t>(kMaxSavedFiltersPerUser)));
  data.set("saved_filter_query", SavedFilterQuery(request.query).value_or(""));
  data.set("saved_filter_max_name", std::to_string(kMaxSavedFilterNameChars));
  data.set("saved_filter_saved", Bool(request.QueryParam("bewaard") == "1"));
}

http::Response SavedFilterSave(const AppContext& app, const StaffRequest& req) {
  const http::FormFields& form = req.form.fields;
  std::string name = Trim(form.Get("name"));
  std::string typed_query = form.Get("query");
  auto query = SavedFilterQuery(typed_query);
  // What was typed comes back on the problem page: whole characters, at most four times what
  // fits, and nothing when it is not text at all.
  std::string shown_name = name;
  if (shown_name.size() > 4 * kMaxSavedFilterNameChars) {
    size_t cut = 4 * kMaxSavedFilterNameChars;
    while (cut > 0 && (static_cast<unsigned char>(shown_name[cut]) & 0xC0) == 0x80) --cut;
    shown_name.resize(cut);
  }
  if (!IsValidUtf8Text(shown_name, true)) shown_name.clear();
  if (!query || !ListAccepts(app, req.staff, *query)) {
    return ProblemPage(app, req, 422,
                       N_("The filters of this list are not valid, so they cannot be saved. "
                          "Correct them on the list first."),
                       shown_name, "");
  }
  if (auto problem = SavedFilterNameProblem(name))
    return ProblemPage(app, req, 422, *problem, shown_name, *query);
  if (!app.saved_filters.AddSavedFilter(req.staff.user_id, name, *query, app.now(),
                                        kMaxSavedFiltersPerUser)) {
    return ProblemPage(app, req, 422,
                       N_("You have 20 saved filters, the most there can be. Delete one first."),
                       shown_name, *query);
  }
  return http::Response::SeeOther(std::string(kReportsPath) + "?" + *query +
                                  (query->empty() ? "" : "&") + "bewaard=1");
}

http::Response SavedFilterDelete(const AppContext& app, const StaffRequest& req) {
  std::string_view path = req.http.path;
  std::string prefix = std::string(kSavedFiltersPath) + "/";
  if (!path.starts_with(prefix) || !path.ends_with(kDeleteSuffix))
    return ErrorPage(app, 404, &req.http);
  auto id = ParseId(path.substr(prefix.size(), path.size() - prefix.size() - kDeleteSuffix.size()));
  // Someone else's filter is answered as if it did not exist.
  if (!id || !app.saved_filters.DeleteSavedFilter(req.staff.user_id, *id))
    return ErrorPage(app, 404, &req.http);
  // Back to the list as it was (only a list address is taken).
  return http::Response::SeeOther(
      ListUrl(SavedFilterQuery(req.form.fields.Get("query")).value_or("")));
}

}  // namespace meldpunt::web
