#include "domain/staff_role.hpp"
#include "web/feature_routes.hpp"
#include "web/figures/dashboard_handlers.hpp"
#include "web/figures/how_we_count.hpp"
#include "web/figures/municipal_archive_handlers.hpp"
#include "web/figures/municipal_figures_handlers.hpp"
#include "web/figures/national_figures_handlers.hpp"
#include "web/figures/population_handlers.hpp"
#include "web/figures/public_figures_handlers.hpp"
#include "web/figures/staff_figures_page.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddFiguresRoutes(RouteTable& routes) {
  using http::Method;
  using http::Runs;
  // The public figures: no login.
  routes.AddPublic(Method::kGet, kPublicFiguresPath, PublicFiguresPage);
  routes.AddPublic(Method::kGet, kPublicFiguresCsvPath, PublicFiguresCsv);
  routes.AddPublic(Method::kGet, kHowWeCountPath, HowWeCountPage, Runs::kOnIoThread);

  // The staff figures, the dashboard and the municipal report (for a municipality viewer: their
  // own municipality, suppressed; the handlers check the municipality).
  routes.AddStaff(Method::kGet, kStaffFiguresPath, Permission::kViewFigures, StaffFiguresPage);
  routes.AddStaff(Method::kGet, kMunicipalPath, Permission::kViewFigures, MunicipalFiguresPage);
  routes.AddStaff(Method::kGet, kDashboardPath, Permission::kViewFigures, DashboardPage);
  routes.AddStaff(Method::kGet, kMunicipalCsvPath, Permission::kViewFigures, MunicipalFiguresCsv);
  routes.AddStaff(Method::kGet, kMunicipalPdfPath, Permission::kViewFigures, MunicipalFiguresPdf);
  routes.AddStaff(Method::kGet, kMunicipalXlsxPath, Permission::kViewFigures, MunicipalFiguresXlsx);
  routes.AddStaff(Method::kGet, kArchivePath, Permission::kExportFigureArchive, MunicipalArchive);

  // The national report: the page, the file, importing another installation's file (an upload)
  // and deleting an imported bureau-year.
  routes.AddStaff(Method::kGet, kNationalPath, Permission::kNationalFigures, NationalFiguresPage);
  routes.AddStaff(Method::kGet, kNationalCsvPath, Permission::kNationalFigures, NationalFiguresCsv);
  routes.AddStaff(Method::kGet, kNationalXlsxPath, Permission::kNationalFigures,
                  NationalFiguresXlsx);
  routes.AddStaff(Method::kPost, kNationalImportPath, Permission::kNationalFigures,
                  NationalFiguresImport,
                  {.form = NationalImportFormLimits(), .body_limit = kNationalImportBodyLimit});
  routes.AddStaff(Method::kPost, kNationalDeletePath, Permission::kNationalFigures,
                  NationalFiguresDelete, {.form = {.max_fields = kNationalDeleteFormFields}});

  // Population figures, for the figures per 1,000 inhabitants.
  routes.AddStaff(Method::kGet, kPopulationPath, Permission::kManagePopulation,
                  StaffPopulationPage);
  routes.AddStaff(Method::kPost, kPopulationPath, Permission::kManagePopulation,
                  StaffPopulationSave, {.form = {.max_fields = kMaxPopulationFormFields}});
}

}  // namespace meldpunt::web
