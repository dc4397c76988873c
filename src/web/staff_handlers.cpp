#include "web/staff_handlers.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

#include "domain/dutch_time.hpp"
#include "domain/figures.hpp"
#include "domain/suppression.hpp"
#include "domain/working_area.hpp"
#include "http/form.hpp"
#include "web/case_labels.hpp"
#include "web/figures_scope.hpp"
#include "web/mass_figures.hpp"
#include "web/municipal_report_view.hpp"
#include "web/pages.hpp"
#include "web/public_handlers.hpp"
#include "web/report_options.hpp"
#include "web/staff_access.hpp"
#include "web/staff_evidence.hpp"
#include "web/staff_login_handlers.hpp"
#include "web/staff_login_state.hpp"

namespace meldpunt::web {

// Pages for signed-in staff carry the logout form, which needs the anti-forgery token.
Page StaffPage(const AppContext& app, const http::Request& request, http::Response& cookies,
               const StaffSession& staff, std::string template_name, std::string title,
               TemplateData data) {
  TemplateData nav;
  std::string csrf = CsrfTokenFor(app, request, cookies);
  nav.set("csrf", csrf);
  data.set("csrf", csrf);  // for the page's own forms: one token per response
  nav.set("staff_email", staff.email);
  nav.set("on_reports", Bool(template_name == "staff_reports"));
  nav.set("on_figures",
          Bool(template_name == "staff_figures" || template_name == "staff_dashboard"));
  nav.set("on_bureaus", Bool(template_name == "staff_bureaus"));
  nav.set("on_mass", Bool(template_name.starts_with("staff_mass_")));
  nav.set("on_audit", Bool(template_name == "staff_audit"));
  nav.set("on_intake", Bool(template_name == "staff_intake"));
  nav.set("on_settings", Bool(template_name == "staff_settings"));
  nav.set("on_population", Bool(template_name == "staff_population"));
  nav.set("may_manage_population", Bool(Allows(staff.role, Permission::kManagePopulation)));
  nav.set("may_manage_settings", Bool(Allows(staff.role, Permission::kManageBureauSettings)));
  nav.set("on_deadlines", Bool(template_name == "staff_deadlines"));
  nav.set("on_search", Bool(template_name == "staff_search"));
  nav.set("may_handle_cases", Bool(Allows(staff.role, Permission::kHandleCases)));
  nav.set("may_read_cases", Bool(Allows(staff.role, Permission::kReadCases)));
  nav.set("may_register", Bool(Allows(staff.role, Permission::kRegisterReports)));
  nav.set("may_view_figures", Bool(Allows(staff.role, Permission::kViewFigures)));
  nav.set("may_national_figures", Bool(Allows(staff.role, Permission::kNationalFigures) &&
                                       !Allows(staff.role, Permission::kViewFigures)));
  nav.set("on_national", Bool(template_name == "staff_national_figures"));
  nav.set("may_manage_bureaus", Bool(Allows(staff.role, Permission::kManageBureaus)));
  nav.set("may_read_audit_log", Bool(Allows(staff.role, Permission::kReadAuditLog)));
  nav.set("on_staff", Bool(template_name == "staff_users"));
  nav.set("on_sessions", Bool(template_name == "staff_sessions"));
  nav.set("may_manage_staff", Bool(Allows(staff.role, Permission::kManageStaff)));
  nav.set("may_manage_code_lists", Bool(Allows(staff.role, Permission::kManageCodeLists)));
  nav.set("on_code_lists", Bool(template_name == "staff_code_lists"));
  nav.set("on_letter_templates", Bool(template_name == "staff_letter_templates"));
  nav.set("may_manage_letters", Bool(Allows(staff.role, Permission::kManageBureauSettings)));
  data.set("staff_nav", app.templates.Render("staff_nav", LangOf(request), nav));
  return Page{std::move(template_name), std::move(title), std::move(data), ""};
}

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

std::optional<StaffSession> CurrentStaff(const AppContext& app, const http::Request& request) {
  std::string token = SessionToken(app, request);
  if (token.empty() || token.size() > 100) return std::nullopt;
  long long now = app.now();
  return app.store.UseSession(HashToken(token), now, now - app.options.staff_idle_timeout.count(),
                              now - app.options.staff_max_age.count());
}

http::Response StaffLogout(const AppContext& app, const http::Request& request) {
  auto form = http::ParseFormFields(request.body, kMaxFormFields);
  if (!form) return ErrorPage(app, 400, &request);
  if (!CsrfValid(app, request, form->Get("csrf"))) return ErrorPage(app, 403, &request);
  std::string token = SessionToken(app, request);
  if (!token.empty()) app.store.EndSession(HashToken(token));
  http::Response response = http::Response::SeeOther(kStaffLoginPath);
  ClearSessionCookie(app, response);
  return response;
}

http::Response StaffReportsPage(const AppContext& app, const http::Request& request) {
  auto access = RequireStaff(app, request, Permission::kReadCases);
  if (!access.staff) return *access.refusal;
  const auto& staff = access.staff;
  Lang lang = LangOf(request);
  long long bureau = staff->bureau_id.value_or(0);
  // "My cases" (?mijn=1): the cases assigned to the staff member.
  bool mine = request.QueryParam("mijn") == "1";
  auto reports =
      mine ? app.store.ListAssignedReports(bureau, staff->user_id, app.options.staff_page_size, 0)
           : app.store.ListBureauReports(bureau, app.options.staff_page_size, 0);
  long long total = mine ? app.store.CountAssignedReports(bureau, staff->user_id)
                         : app.store.CountBureauReports(bureau);
  auto handlers = app.store.ListBureauStaff(bureau);
  // Reading reports is a read of personal data: it goes on the record before it is shown.
  AuditEntry listing = AuditEntry::ForBureau(staff->user_id, "list_reports", staff->bureau_id,
                                             std::to_string(reports.size()) + " reports");
  if (!reports.empty()) {
    // Newest first: the range of numbers shown, so "who saw this case" finds this listing.
    listing.listed_from = reports.back().id;
    listing.listed_to = reports.front().id;
    listing.detail += ", " + reports.back().reference + " to " + reports.front().reference;
  }
  app.store.Audit(listing, app.now());
  auto files = reports.empty() ? std::map<long long, kainjow::mustache::list>{}
                               : EvidenceLinks(app, lang, reports.back().id, reports.front().id);
  kainjow::mustache::list rows;
  for (const auto& report : reports) {
    TemplateData row;
    row.set("reference", report.reference);
    row.set("files", files[report.id]);
    row.set("file_count", std::to_string(files[report.id].size()));
    row.set("id", std::to_string(report.id));
    row.set("reported_on", FormatDutchDate(report.reported_at));
    row.set("incident_date", report.incident_date);
    row.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
    row.set("residence_municipality", MunicipalityLabel(app, lang, report.residence_municipality));
    row.set("anonymous", Bool(report.anonymous));
    row.set("description", report.description);
    row.set("reporter_role", LabelOf(app, lang, ReporterRoleLabels(), report.reporter_role));
    row.set("nature", LabelOf(app, lang, NatureLabels(), report.nature));
    row.set("grounds", LabelsOf(app, lang, GroundLabels(), report.grounds));
    row.set("domain", LabelOf(app, lang, DomainLabels(), report.domain));
    row.set("scope", LabelOf(app, lang, ScopeLabels(), report.scope));
    row.set("wishes", LabelsOf(app, lang, WishLabels(), report.wishes));
    row.set("complaint", Bool(report.is_complaint));
    row.set("step", std::string(StepCode(report.step)));
    row.set("step_label", LabelOf(app, lang, StepLabels(), StepCode(report.step)));
    for (const auto& handler : handlers) {
      if (report.assigned_to == handler.id) row.set("assignee", handler.email);
    }
    if (report.contact) {
      row.set("contact", report.contact->name.empty()
                             ? report.contact->email + " " + report.contact->phone
                             : report.contact->name + ", " + report.contact->email + " " +
                                   report.contact->phone);
    }
    rows.push_back(row);
  }
  TemplateData data;
  data.set("reports", rows);
  data.set("has_reports", Bool(!reports.empty()));
  data.set("shown", std::to_string(reports.size()));
  data.set("total", std::to_string(total));
  data.set("mine", Bool(mine));
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, *staff, "staff_reports", N_("Reports"), std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

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
      app.store.ListReportFacts(year - 1, year, app.municipalities.CodesRollingUpInto(code));
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

http::Response StaffFiguresPage(const AppContext& app, const http::Request& request) {
  auto access = RequireStaff(app, request, Permission::kViewFigures);
  if (!access.staff) return *access.refusal;
  const auto& staff = access.staff;
  Lang lang = LangOf(request);
  int this_year = DutchYearOf(app.now());
  int year = ParseYear(request.QueryParam("jaar"), this_year);
  MassReports mass = MassChoiceOf(request);
  bool viewer = staff->role == StaffRole::kMunicipalityViewer;
  // Scope by bureau (web/figures_scope.hpp): the municipalities of the working area, each with
  // every report of the installation about it or by its residents, rolled up into today's
  // municipality as the municipal report counts them.
  std::vector<std::string> area = FiguresAreaOf(app, *staff);
  std::map<std::string, MunicipalityCount> by_code;
  for (const auto& count : app.store.CountByMunicipality(year, mass)) {
    const Municipality* today = app.municipalities.Successor(count.code);
    if (!today || !AreaHolds(area, today->code)) continue;
    auto& row = by_code[today->code];
    row.code = today->code;
    row.incident += count.incident;
    row.residence += count.residence;
  }
  // Online, abroad or unknown (no municipality): only the reports the bureau holds.
  if (!viewer && staff->bureau_id) {
    for (const auto& count : app.store.CountByMunicipality(year, mass, staff->bureau_id)) {
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
  data.set("may_national", Bool(Allows(staff->role, Permission::kNationalFigures)));
  data.set("previous_year", std::to_string(year - 1));
  data.set("next_year", std::to_string(year + 1));
  data.set("rows", rows);
  data.set("has_rows", Bool(!rows.empty()));
  data.set("viewer", Bool(viewer));
  data.set("total_incident", suppressed ? suppressed->first : std::to_string(total_incident));
  data.set("total_residence", suppressed ? suppressed->second : std::to_string(total_residence));
  AddMassFigures(app, request, *staff, year, data);
  data.set("may_archive", Bool(Allows(staff->role, Permission::kExportFigureArchive)));
  data.set("max_year", std::to_string(this_year));
  app.store.Audit(
      AuditEntry::ForBureau(staff->user_id, "figures.read", staff->bureau_id,
                            "municipalities " + std::to_string(year) + " " +
                                std::to_string(by_code.size()) + " rows" +
                                (mass == MassReports::kIncluded ? "" : " without mass") +
                                (suppressed ? " suppressed" : " exact")),
      app.now());
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, *staff, "staff_figures",
                        N_("Figures per municipality"), std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

}  // namespace meldpunt::web
