#include "web/figures/municipal_figures_handlers.hpp"

#include <charconv>

#include "base/log.hpp"
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
#include "web/figures/figures_scope.hpp"
#include "web/figures/mass_figures.hpp"
#include "web/figures/municipal_archive.hpp"
#include "web/figures/municipal_report_pdf.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/figures/municipal_report_xlsx.hpp"

namespace meldpunt::web {
namespace {

struct ReportRequest {
  std::optional<http::Response> refusal;
  MunicipalReport report;
  bool suppressed = false;
};

std::optional<int> ParseYearParam(const std::string& text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1901 || year > 9999)
    return std::nullopt;
  return year;
}

// Checks which municipality is asked for, reads the facts and computes the report (the route
// policy checked the role). A municipality viewer gets their own municipality only, always
// suppressed (their figures leave the bureau); other staff get the municipalities of their
// bureau's working area (FiguresAreaOf).
ReportRequest Prepare(const AppContext& app, const StaffRequest& req, bool leaves_bureau,
                      const char* output) {
  const http::Request& request = req.http;
  ReportRequest result;
  const StaffSession& staff = req.staff;
  std::string code(request.QueryParam("gemeente"));
  const Municipality* municipality = app.municipalities.Find(code);
  int this_year = DutchYearOf(app.now());
  auto year = ParseYearParam(std::string(request.QueryParam("jaar")));
  if (!municipality || !municipality->current() || !year || *year > this_year) {
    result.refusal = ErrorPage(app, 404, &request);
    return result;
  }
  // Only a municipality of the staff member's scope (web/figures/figures_scope.hpp); another is
  // refused with 403 and an access.denied entry.
  bool viewer = staff.role == StaffRole::kMunicipalityViewer;
  if (!AreaHolds(FiguresAreaOf(app, staff), code)) {
    result.refusal = RefuseFigures(app, request, staff, "figures of " + code);
    return result;
  }
  FiguresQuery query;
  query.municipality = code;
  query.year = *year;
  query.by = request.QueryParam("jaar_van") == "incident" ? FiguresYear::kIncident
                                                          : FiguresYear::kReported;
  query.with_mass = MassChoiceOf(request) == MassReports::kIncluded;
  // An incident of a year may be reported any year after it.
  int to_year = query.by == FiguresYear::kIncident ? this_year : *year;
  auto facts =
      app.figures.ListReportFacts(*year - 1, to_year, app.municipalities.CodesRollingUpInto(code));
  result.report = ComputeMunicipalReport(facts, query, app.municipalities);
  for (const auto& figure : app.figures.ListPopulation(*year - 1, *year)) {
    if (figure.municipality != code) continue;
    (figure.year == *year ? result.report.population_current : result.report.population_previous) =
        figure.inhabitants;
  }
  result.suppressed = viewer || leaves_bureau;
  if (result.suppressed) SuppressReport(result.report, kDefaultSuppressionThreshold);
  app.audit.Audit(
      AuditEntry::ForBureau(staff.user_id, "figures.read", staff.bureau_id,
                            std::string(output) + " " + code + " " + std::to_string(*year) +
                                (query.with_mass ? "" : " without mass") +
                                (query.by == FiguresYear::kIncident ? " by incident" : "") +
                                (result.suppressed ? " suppressed" : " exact")),
      app.now());
  return result;
}

std::string QueryOf(const MunicipalReport& report, int year) {
  return "gemeente=" + report.query.municipality + "&jaar=" + std::to_string(year) +
         (report.query.with_mass ? "" : "&massa=zonder") +
         (report.query.by == FiguresYear::kIncident ? "&jaar_van=incident" : "");
}

}  // namespace

http::Response MunicipalFiguresPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto prepared = Prepare(app, req, false, "html");
  if (prepared.refusal) return std::move(*prepared.refusal);
  const auto& report = prepared.report;
  Lang lang = LangOf(request);
  int year = report.query.year;
  int this_year = DutchYearOf(app.now());
  TemplateData data = MunicipalReportData(app, lang, report, kDefaultSuppressionThreshold);
  data.set("code", report.query.municipality);
  data.set("name", report.municipality_name);
  data.set("year", std::to_string(year));
  data.set("previous_year", std::to_string(year - 1));
  data.set("query", QueryOf(report, year));
  data.set("previous_query", QueryOf(report, year - 1));
  data.set("has_next", Bool(year < this_year));
  data.set("next_query", QueryOf(report, year + 1));
  data.set("with_mass", Bool(report.query.with_mass));
  data.set("without_mass", Bool(!report.query.with_mass));
  data.set("by_incident", Bool(report.query.by == FiguresYear::kIncident));
  data.set("by_reported", Bool(report.query.by == FiguresYear::kReported));
  data.set("mass_current", std::to_string(report.mass_current));
  data.set("has_mass", Bool(report.query.with_mass && !prepared.suppressed &&
                            (report.mass_current > 0 || report.mass_previous > 0)));
  data.set("mass_previous", std::to_string(report.mass_previous));
  data.set("suppressed", Bool(prepared.suppressed));
  data.set("threshold", std::to_string(kDefaultSuppressionThreshold));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, req.staff, "staff_municipal_figures",
                        N_("Municipal report"), std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

http::Response MunicipalFiguresCsv(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  // A CSV leaves the bureau: always suppressed.
  auto prepared = Prepare(app, req, true, "csv");
  if (prepared.refusal) return std::move(*prepared.refusal);
  const auto& report = prepared.report;
  http::Response response{
      200, {}, MunicipalReportCsv(app, LangOf(request), report, kDefaultSuppressionThreshold)};
  response.Set("Content-Type", "text/csv; charset=utf-8");
  response.Set("Content-Disposition",
               "attachment; filename=\"" + MunicipalReportFileName(report, "csv") + "\"");
  response.Set("X-Content-Type-Options", "nosniff");
  return response;
}

http::Response MunicipalFiguresXlsx(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  // A workbook leaves the bureau: always suppressed.
  auto prepared = Prepare(app, req, true, "xlsx");
  if (prepared.refusal) return std::move(*prepared.refusal);
  const auto& report = prepared.report;
  http::Response response{
      200,
      {},
      MunicipalReportXlsx(app, LangOf(request), report, kDefaultSuppressionThreshold, app.now())};
  response.Set("Content-Type", std::string(kXlsxMediaType));
  response.Set("Content-Disposition",
               "attachment; filename=\"" + MunicipalReportFileName(report, "xlsx") + "\"");
  response.Set("X-Content-Type-Options", "nosniff");
  return response;
}

http::Response MunicipalFiguresPdf(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  // A PDF leaves the bureau: always suppressed.
  auto prepared = Prepare(app, req, true, "pdf");
  if (prepared.refusal) return std::move(*prepared.refusal);
  const auto& report = prepared.report;
  auto pdf = RenderMunicipalReportPdf(app, LangOf(request), report, kDefaultSuppressionThreshold,
                                      prepared.suppressed);
  if (!pdf) {
    log::Error("municipal report PDF not made",
               {{"municipality", report.query.municipality}, {"error", pdf.error()}});
    return ErrorPage(app, 500, &request);
  }
  http::Response response{200, {}, std::move(*pdf)};
  response.Set("Content-Type", "application/pdf");
  response.Set("Content-Disposition",
               "attachment; filename=\"" + MunicipalReportFileName(report, "pdf") + "\"");
  response.Set("Cache-Control", "no-store");
  response.Set("X-Content-Type-Options", "nosniff");
  response.Set("Content-Security-Policy", "sandbox; default-src 'none'");
  return response;
}

}  // namespace meldpunt::web
