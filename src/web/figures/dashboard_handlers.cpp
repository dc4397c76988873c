#include "web/figures/dashboard_handlers.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/figures/working_area.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/figures_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/figures/dashboard_view.hpp"
#include "web/figures/figures_scope.hpp"
#include "web/figures/mass_figures.hpp"

namespace meldpunt::web {
namespace {

// "2026-03" (what <input type="month"> sends) as a MonthIndex; nullopt for anything else.
std::optional<int> ParseMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  auto y = std::from_chars(text.data(), text.data() + 4, year);
  auto m = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (y.ec != std::errc{} || y.ptr != text.data() + 4 || m.ec != std::errc{} ||
      m.ptr != text.data() + 7 || year < 1901 || year > 9999 || month < 1 || month > 12)
    return std::nullopt;
  return MonthIndex(year, month);
}

}  // namespace

http::Response DashboardPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  const auto& t = app.translator;
  bool viewer = staff.role == StaffRole::kMunicipalityViewer;

  auto today = DutchDateOf(app.now());  // the Dutch calendar's month, as the facts'
  int this_month =
      MonthIndex(static_cast<int>(today.year()), static_cast<int>(unsigned(today.month())));
  std::string from_text(request.QueryParam("van")), to_text(request.QueryParam("tot"));
  std::optional<int> to = to_text.empty() ? std::optional(this_month) : ParseMonth(to_text);
  std::optional<int> from =
      from_text.empty() ? (to ? std::optional(*to - 11) : std::nullopt) : ParseMonth(from_text);
  std::string error;
  if (!from || !to) {
    error = t.Get(lang, N_("Give the months as year and month, for example 2026-03."));
  } else if (*from > *to) {
    error = t.Get(lang, N_("The first month comes after the last month."));
  } else if (*to - *from + 1 > kMaxDashboardMonths) {
    error = t.Get(lang, N_("Choose a period of at most 10 years (120 months)."));
  }

  // The area: the whole working area, or one municipality of it (web/figures/figures_scope.hpp).
  // Anything else is refused.
  std::vector<std::string> allowed = FiguresAreaOf(app, staff);
  std::string chosen(request.QueryParam("gemeente"));
  if (!chosen.empty() && !AreaHolds(allowed, chosen)) {
    const Municipality* municipality = app.municipalities.Find(chosen);
    if (!viewer && (!municipality || !municipality->current()))
      return ErrorPage(app, 404, &request);
    return RefuseFigures(app, request, staff, "dashboard of " + chosen.substr(0, 16));
  }
  // Municipalities by name, as a reader looks for them.
  std::vector<std::pair<std::string, std::string>> named;  // name, code
  for (const auto& code : allowed) named.emplace_back(MunicipalityLabel(app, lang, code), code);
  std::sort(named.begin(), named.end());

  DashboardQuery query;
  query.with_mass = MassChoiceOf(request) == MassReports::kIncluded;
  if (!chosen.empty()) {
    query.area = {chosen};
  } else {
    for (const auto& [name, code] : named) query.area.push_back(code);
  }

  TemplateData data;
  bool suppressed = viewer;
  if (error.empty() && !query.area.empty()) {
    query.from_month = *from;
    query.to_month = *to;
    // One read for the period: every code that rolls up into a municipality of the area.
    std::vector<std::string> codes;
    for (const auto& code : query.area) {
      for (auto& old : app.municipalities.CodesRollingUpInto(code)) codes.push_back(std::move(old));
    }
    auto facts = app.figures.ListReportFacts(YearOfMonthIndex(*from), YearOfMonthIndex(*to), codes);
    Dashboard dashboard = ComputeDashboard(facts, query, app.municipalities);
    if (suppressed) {
      // Over a calendar year, the municipality's number keeps its municipal report's state.
      SuppressDashboard(
          dashboard, kDefaultSuppressionThreshold,
          CountsAPublishedYear(query)
              ? PublishedMunicipalTotals(facts, YearOfMonthIndex(*from), app.municipalities)
              : std::map<std::string, MunicipalTotals>{});
    }
    app.audit.Audit(AuditEntry::ForBureau(staff.user_id, "figures.read", staff.bureau_id,
                                          "dashboard " +
                                              (!chosen.empty() ? chosen
                                               : viewer        ? staff.municipality
                                                               : std::string("area")) +
                                              " " + MonthCode(*from) + ".." + MonthCode(*to) +
                                              (query.with_mass ? "" : " without mass") +
                                              (suppressed ? " suppressed" : " exact")),
                    app.now());
    data = DashboardData(app, lang, dashboard, kDefaultSuppressionThreshold);
    data.set("has_figures", Bool(true));
    data.set("has_mass", Bool(!suppressed && dashboard.mass > 0));
    data.set("mass", std::to_string(dashboard.mass));
  }
  kainjow::mustache::list options;
  for (const auto& [name, code] : named) {
    TemplateData option;
    option.set("code", code);
    option.set("name", name);
    option.set("selected", Bool(code == chosen));
    options.push_back(option);
  }
  data.set("municipalities", options);
  data.set("whole_area", Bool(chosen.empty()));
  data.set("may_choose_area", Bool(!viewer));
  data.set("viewer", Bool(viewer));
  data.set("own_municipality", MunicipalityLabel(app, lang, staff.municipality));
  data.set("from", from ? MonthCode(*from) : from_text.substr(0, 20));
  data.set("to", to ? MonthCode(*to) : to_text.substr(0, 20));
  data.set("error", error);
  data.set("has_error", Bool(!error.empty()));
  data.set("with_mass", Bool(query.with_mass));
  data.set("without_mass", Bool(!query.with_mass));
  data.set("suppressed", Bool(suppressed));
  data.set("threshold", std::to_string(kDefaultSuppressionThreshold));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_dashboard", N_("Figures dashboard"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, error.empty() ? 200 : 400, std::move(page)), cookies);
}

}  // namespace meldpunt::web
