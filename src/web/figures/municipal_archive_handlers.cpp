#include "web/figures/municipal_archive_handlers.hpp"

#include <charconv>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/figures/figures_area.hpp"
#include "domain/figures/suppression.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/figures_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/figures/mass_figures.hpp"
#include "web/figures/municipal_archive.hpp"
#include "web/figures/national_file.hpp"

namespace meldpunt::web {
namespace {

std::optional<long long> ParseNumber(std::string_view text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The form, with an error when the request could not be served (status 400 then).
http::Response FormPage(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, const std::vector<Bureau>& bureaus,
                        std::optional<long long> bureau_id, int year, const char* error) {
  TemplateData data;
  data.set("year", std::to_string(year));
  data.set("max_year", std::to_string(DutchYearOf(app.now())));
  bool by_incident = request.QueryParam("jaar_van") == "incident";
  data.set("by_incident", Bool(by_incident));
  data.set("by_reported", Bool(!by_incident));
  bool with_mass = MassChoiceOf(request) == MassReports::kIncluded;
  data.set("with_mass", Bool(with_mass));
  data.set("without_mass", Bool(!with_mass));
  bool choose_bureau = !staff.bureau_id;
  data.set("choose_bureau", Bool(choose_bureau));
  kainjow::mustache::list options;
  for (const auto& bureau : bureaus) {
    TemplateData option;
    option.set("id", std::to_string(bureau.id));
    option.set("name", bureau.name);
    option.set("selected", Bool(bureau_id == bureau.id));
    options.push_back(option);
  }
  data.set("bureaus", options);
  data.set("has_error", Bool(error != nullptr));
  if (error) data.set("error", app.translator.Get(LangOf(request), error));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_figures_archive",
                        N_("Municipal reports of the working area"), std::move(data));
  return WithCookies(RenderPage(app, request, error ? 400 : 200, std::move(page)), cookies);
}

}  // namespace

http::Response MunicipalArchive(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  int this_year = DutchYearOf(app.now());
  auto bureaus = app.bureaus.ListBureaus();

  // Staff of a bureau get their own bureau's area; the system admin, who has no bureau, names
  // one.
  std::optional<long long> bureau_id = staff.bureau_id;
  std::string bureau_param = request.QueryParam("bureau");
  if (!bureau_param.empty()) {
    auto asked = ParseNumber(bureau_param);
    if (staff.bureau_id && asked != staff.bureau_id) {
      app.audit.Audit(AuditEntry::ForBureau(
                          staff.user_id, "access.denied", staff.bureau_id,
                          "figures archive of bureau " + std::string(bureau_param.substr(0, 20))),
                      app.now());
      return ErrorPage(app, 403, &request);
    }
    bureau_id = asked;
  }
  std::string year_text(request.QueryParam("jaar"));
  if (year_text.empty())
    return FormPage(app, request, staff, bureaus, bureau_id, this_year - 1, nullptr);
  auto year = ParseNumber(year_text);
  if (!year || *year < 1901 || *year > this_year)
    return FormPage(app, request, staff, bureaus, bureau_id, this_year - 1,
                    N_("Choose a year from 1901 up to this year."));
  const Bureau* bureau = nullptr;
  for (const auto& b : bureaus)
    if (bureau_id && b.id == *bureau_id) bureau = &b;
  if (!bureau)
    return FormPage(app, request, staff, bureaus, bureau_id, static_cast<int>(*year),
                    N_("Choose the bureau whose working area the archive is for."));

  FiguresQuery query;
  query.year = static_cast<int>(*year);
  query.by = request.QueryParam("jaar_van") == "incident" ? FiguresYear::kIncident
                                                          : FiguresYear::kReported;
  query.with_mass = MassChoiceOf(request) == MassReports::kIncluded;
  auto municipalities = CurrentMunicipalitiesOf(bureau->municipalities, app.municipalities);
  std::vector<MunicipalReport> reports;
  if (!municipalities.empty()) {
    // One read for the whole area; an incident of a year may be reported any year after it.
    int to_year = query.by == FiguresYear::kIncident ? this_year : query.year;
    auto facts = app.figures.ListReportFacts(
        query.year - 1, to_year, CodesRollingUpIntoAny(municipalities, app.municipalities));
    reports = ComputeAreaReports(facts, municipalities, query, app.municipalities);
  }
  // Every file leaves the bureau: always suppressed.
  for (auto& report : reports) SuppressReport(report, kDefaultSuppressionThreshold);

  ArchiveContents contents{bureau->name, query, kDefaultSuppressionThreshold, app.now(), {}};
  // The national file is suppressed as it is, and made for whoever may download it anyway.
  bool national = Allows(staff.role, Permission::kNationalFigures);
  if (national) contents.national = BuildNationalFile(app, query.year);
  auto outputs = MunicipalArchiveOutputs(app, lang, kDefaultSuppressionThreshold, app.now());
  std::string zip =
      exports::WriteZip(MunicipalArchiveEntries(app, lang, contents, reports, outputs), app.now());
  app.audit.Audit(
      AuditEntry::ForBureau(staff.user_id, "figures.archive", bureau->id,
                            "bureau " + std::to_string(bureau->id) + " " +
                                std::to_string(query.year) + " " + std::to_string(reports.size()) +
                                " municipalities" + (query.with_mass ? "" : " without mass") +
                                (query.by == FiguresYear::kIncident ? " by incident" : "") +
                                " suppressed" + (national ? ", national file" : "")),
      app.now());
  http::Response response{200, {}, std::move(zip)};
  response.Set("Content-Type", "application/zip");
  response.Set("Content-Disposition",
               "attachment; filename=\"" + MunicipalArchiveFileName(contents) + "\"");
  response.Set("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace meldpunt::web
