#include "web/figures/population_handlers.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/figures/population.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/figures_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kFieldPrefix = "inwoners_";
// A number of inhabitants has at most 8 digits; what is typed longer is shown back cut short.
constexpr size_t kMaxTypedChars = 20;
// The audit record names at most this many figures, then how many more.
constexpr size_t kMaxAuditedFigures = 20;

int ThisYear(const AppContext& app) { return DutchYearOf(app.now()); }

std::optional<int> ParseYear(std::string_view text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return year;
}

// The municipalities the staff member may enter figures for: their bureau's working area, or
// for a system admin (no bureau) every bureau's; by name.
std::vector<const Municipality*> Municipalities(const AppContext& app, const StaffSession& staff) {
  std::vector<const Municipality*> list;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    if (staff.bureau_id && bureau.id != *staff.bureau_id) continue;
    for (const auto& code : bureau.municipalities) {
      const Municipality* municipality = app.municipalities.Find(code);
      if (municipality && municipality->current()) list.push_back(municipality);
    }
  }
  std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->name < b->name; });
  list.erase(std::unique(list.begin(), list.end()), list.end());
  return list;
}

struct Typed {
  std::string text;
  std::string error;
};

struct PageState {
  int year = 0;
  int status = 200;
  std::map<std::string, Typed> typed;  // by code, when the form comes back with problems
  std::string year_error;
  std::vector<std::string> unknown_codes;
};

http::Response Render(const AppContext& app, const http::Request& request,
                      const StaffSession& staff, const PageState& state) {
  Lang lang = LangOf(request);
  const auto& t = app.translator;
  std::map<std::string, long long> stored;
  if (PopulationYearAllowed(state.year, ThisYear(app))) {
    for (const auto& figure : app.figures.ListPopulation(state.year, state.year))
      stored[figure.municipality] = figure.inhabitants;
  }
  kainjow::mustache::list rows;
  kainjow::mustache::list errors;
  for (const Municipality* municipality : Municipalities(app, staff)) {
    TemplateData row;
    std::string id = "inwoners-" + municipality->code;
    row.set("id", id);
    row.set("name", std::string(kFieldPrefix) + municipality->code);
    row.set("code", municipality->code);
    row.set("municipality", municipality->name);
    auto saved = stored.find(municipality->code);
    row.set("stored", saved == stored.end() ? "" : std::to_string(saved->second));
    auto typed = state.typed.find(municipality->code);
    row.set("value", typed != state.typed.end() ? typed->second.text
                     : saved != stored.end()    ? std::to_string(saved->second)
                                                : "");
    if (typed != state.typed.end() && !typed->second.error.empty()) {
      row.set("error", typed->second.error);
      TemplateData item;
      item.set("id", id);
      item.set("message", municipality->name + ": " + typed->second.error);
      errors.push_back(item);
    }
    rows.push_back(row);
  }
  if (!state.year_error.empty()) {
    TemplateData item;
    item.set("id", "jaar");
    item.set("message", state.year_error);
    errors.insert(errors.begin(), item);
  }
  for (const auto& code : state.unknown_codes) {
    TemplateData item;
    item.set("id", "population-form");
    item.set("message", code + ": " +
                            t.Get(lang, N_("This municipality is not in your working "
                                           "area or does not exist any more.")));
    errors.push_back(item);
  }
  TemplateData data;
  data.set("year", std::to_string(state.year));
  data.set("year_error", state.year_error);
  data.set("has_year_error", Bool(!state.year_error.empty()));
  data.set("first_year", std::to_string(kFirstPopulationYear));
  data.set("last_year", std::to_string(ThisYear(app)));
  data.set("rows", rows);
  data.set("has_rows", Bool(!rows.empty()));
  data.set("errors", errors);
  data.set("has_errors", Bool(!errors.empty()));
  data.set("saved", Bool(state.status == 200 && request.QueryParam("opgeslagen") == "1"));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_population", N_("Population figures"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, state.status, std::move(page)), cookies);
}

std::string YearProblem(const AppContext& app, Lang lang) {
  std::string text = app.translator.Get(lang, N_("Choose a year from {first} to {last}."));
  auto replace = [&](std::string_view name, const std::string& value) {
    if (auto at = text.find(name); at != std::string::npos) text.replace(at, name.size(), value);
  };
  replace("{first}", std::to_string(kFirstPopulationYear));
  replace("{last}", std::to_string(ThisYear(app)));
  return text;
}

std::string NumberProblem(const AppContext& app, Lang lang, PopulationProblem problem) {
  if (problem == PopulationProblem::kNotANumber)
    return app.translator.Get(
        lang, N_("Enter the number of inhabitants as a whole number, without dots, spaces or "
                 "letters."));
  return app.translator.Get(lang, N_("Enter a number of inhabitants from 1 to 10,000,000."));
}

}  // namespace

http::Response StaffPopulationPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  PageState state;
  // The latest complete year by default: the one the yearly figures are about.
  state.year = ThisYear(app) - 1;
  std::string typed_year = request.QueryParam("jaar");
  if (!typed_year.empty()) {
    auto year = ParseYear(typed_year);
    if (year && PopulationYearAllowed(*year, ThisYear(app))) {
      state.year = *year;
    } else {
      state.status = 422;
      state.year_error = YearProblem(app, LangOf(request));
    }
  }
  return Render(app, request, req.staff, state);
}

http::Response StaffPopulationSave(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);

  PageState state;
  state.year = ThisYear(app) - 1;
  auto year = ParseYear(form.Get("jaar"));
  if (year && PopulationYearAllowed(*year, ThisYear(app))) {
    state.year = *year;
  } else {
    state.year_error = YearProblem(app, lang);
  }
  std::map<std::string, bool> allowed;
  for (const Municipality* municipality : Municipalities(app, staff))
    allowed[municipality->code] = true;

  std::vector<PopulationFigure> figures;
  bool failed = !state.year_error.empty();
  for (const auto& [name, value] : form.fields) {
    if (!name.starts_with(kFieldPrefix)) continue;
    std::string code = name.substr(kFieldPrefix.size());
    if (!allowed.contains(code)) {
      failed = true;
      if (code.size() > 16) code.resize(16);  // shown back, escaped
      state.unknown_codes.push_back(code);
      continue;
    }
    std::string text = value.size() > kMaxTypedChars ? value.substr(0, kMaxTypedChars) : value;
    PopulationParse parsed = ParsePopulation(text);
    if (parsed.problem) {
      failed = true;
      state.typed[code] = {text, NumberProblem(app, lang, *parsed.problem)};
    } else {
      state.typed[code] = {text, ""};
      // An empty field leaves the stored figure as it is: nothing is removed by accident.
      if (parsed.value) figures.push_back({code, state.year, *parsed.value});
    }
  }
  if (failed) {
    state.status = 422;
    return Render(app, request, staff, state);
  }
  if (!figures.empty()) {
    app.figures.WritePopulation(figures, staff.user_id, app.now());
    std::string detail = std::to_string(state.year) + ":";
    for (size_t i = 0; i < figures.size() && i < kMaxAuditedFigures; ++i)
      detail += " " + figures[i].municipality + "=" + std::to_string(figures[i].inhabitants);
    if (figures.size() > kMaxAuditedFigures)
      detail += " and " + std::to_string(figures.size() - kMaxAuditedFigures) + " more";
    app.audit.Audit(
        AuditEntry::ForBureau(staff.user_id, "population.update", staff.bureau_id, detail),
        app.now());
  }
  return http::Response::SeeOther(std::string(kPopulationPath) +
                                  "?jaar=" + std::to_string(state.year) + "&opgeslagen=1");
}

}  // namespace meldpunt::web
