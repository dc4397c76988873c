#include "web/figures/staff_figures_page.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

#include "domain/dutch_time.hpp"
#include "domain/figures/figures.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/figures/working_area.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/figures_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/accounts/staff_login_handlers.hpp"
#include "web/accounts/staff_login_state.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/figures/figures_scope.hpp"
#include "web/figures/mass_figures.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

namespace {

int ParseYear(const std::string& text, int fallback) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1900 || year > 9999) {
    return fallback;
  }
  return year;
}

}  // namespace

namespace {

// A municipality viewer's figures leave the bureau: the two totals of their municipality as its
// municipal report shows them (suppressed), so no output tells them more than that report.
std::pair<std::string, std::string> SuppressedTotals(const AppContext& app, const std::string& code,
                                                     int year, MassReports mass) {
  FiguresQuery query;
  query.municipality = code;
  query.year = year;
  query.with_mass = mass == MassReports::kIncluded;
  auto facts =
      app.figures.ListReportFacts(year - 1, year, app.municipalities.CodesRollingUpInto(code));
  MunicipalReport report = ComputeMunicipalReport(facts, query, app.municipalities);
  SuppressReport(report, kDefaultSuppressionThreshold);
  std::pair<std::string, std::string> texts;
  for (const auto& table : report.tables) {
    if (table.dimension != "summary") continue;
    (table.population == kPopulationIncident ? texts.first : texts.second) =
        CellText(table.total, true, kDefaultSuppressionThreshold);
  }
  return texts;
}

}  // namespace

http::Response StaffFiguresPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  int this_year = DutchYearOf(app.now());
  int year = ParseYear(request.QueryParam("jaar"), this_year);
  MassReports mass = MassChoiceOf(request);
  bool viewer = staff.role == StaffRole::kMunicipalityViewer;
  // Scope by bureau (web/figures/figures_scope.hpp): the municipalities of the working area, each
  // with every report of the installation about it or by its residents, rolled up into today's
  // municipality as the municipal report counts them.
  std::vector<std::string> area = FiguresAreaOf(app, staff);
  std::map<std::string, MunicipalityCount> by_code;
  for (const auto& count : app.figures.CountByMunicipality(year, mass)) {
    const Municipality* today = app.municipalities.Successor(count.code);
    if (!today || !AreaHolds(area, today->code)) continue;
    auto& row = by_code[today->code];
    row.code = today->code;
    row.incident += count.incident;
    row.residence += count.residence;
  }
  // Online, abroad or unknown (no municipality): only the reports the bureau holds.
  if (!viewer && staff.bureau_id) {
    for (const auto& count : app.figures.CountByMunicipality(year, mass, staff.bureau_id)) {
      if (!app.municipalities.Successor(count.code)) by_code[count.code] = count;
    }
  }
  // A municipality viewer always gets their municipality's row, as their report has one.
  if (viewer && !area.empty()) by_code[area.front()].code = area.front();
  // Municipalities by name; the special values (online, abroad/unknown) at the end.
  std::vector<std::pair<std::string, MunicipalityCount>> named;
  for (const auto& [code, count] : by_code)
    named.emplace_back(MunicipalityLabel(app, lang, code), count);
  auto special = [](const std::string& code) { return !code.starts_with("GM"); };
  std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) {
    if (special(a.second.code) != special(b.second.code)) return special(b.second.code);
    return a.first < b.first;
  });
  std::optional<std::pair<std::string, std::string>> suppressed;
  if (viewer && !area.empty()) suppressed = SuppressedTotals(app, area.front(), year, mass);
  kainjow::mustache::list rows;
  long long total_incident = 0, total_residence = 0;
  for (const auto& [name, count] : named) {
    TemplateData row;
    row.set("code", count.code);
    row.set("name", name);
    // A current municipality links to its municipal report.
    const Municipality* municipality = app.municipalities.Find(count.code);
    row.set("municipal", Bool(municipality && municipality->current()));
    row.set("year", std::to_string(year));
    row.set("incident", suppressed ? suppressed->first : std::to_string(count.incident));
    row.set("residence", suppressed ? suppressed->second : std::to_string(count.residence));
    total_incident += count.incident;
    total_residence += count.residence;
    rows.push_back(row);
  }
  TemplateData data;
  data.set("year", std::to_string(year));
  data.set("may_national", Bool(Allows(staff.role, Permission::kNationalFigures)));
  data.set("previous_year", std::to_string(year - 1));
  data.set("next_year", std::to_string(year + 1));
  data.set("rows", rows);
  data.set("has_rows", Bool(!rows.empty()));
  data.set("viewer", Bool(viewer));
  data.set("total_incident", suppressed ? suppressed->first : std::to_string(total_incident));
  data.set("total_residence", suppressed ? suppressed->second : std::to_string(total_residence));
  AddMassFigures(app, request, staff, year, data);
  data.set("may_archive", Bool(Allows(staff.role, Permission::kExportFigureArchive)));
  data.set("max_year", std::to_string(this_year));
  app.audit.Audit(
      AuditEntry::ForBureau(staff.user_id, "figures.read", staff.bureau_id,
                            "municipalities " + std::to_string(year) + " " +
                                std::to_string(by_code.size()) + " rows" +
                                (mass == MassReports::kIncluded ? "" : " without mass") +
                                (suppressed ? " suppressed" : " exact")),
      app.now());
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_figures",
                        N_("Figures per municipality"), std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

}  // namespace meldpunt::web
