#include "web/routes.hpp"

#include <memory>

#include "store/store_health.hpp"
#include "web/accounts/staff_login_handlers.hpp"
#include "web/accounts/staff_session_handlers.hpp"
#include "web/accounts/staff_user_handlers.hpp"
#include "web/admin/code_list_handlers.hpp"
#include "web/admin/staff_audit_handlers.hpp"
#include "web/admin/staff_bureau_handlers.hpp"
#include "web/admin/staff_settings_handlers.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/classification_handlers.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/figures/dashboard_handlers.hpp"
#include "web/figures/how_we_count.hpp"
#include "web/figures/municipal_archive_handlers.hpp"
#include "web/figures/municipal_figures_handlers.hpp"
#include "web/figures/national_figures_handlers.hpp"
#include "web/figures/population_handlers.hpp"
#include "web/figures/public_figures_handlers.hpp"
#include "web/figures/staff_figures_page.hpp"
#include "web/followup/follow_up_handlers.hpp"
#include "web/intake/staff_intake_handlers.hpp"
#include "web/letters/letter_routes.hpp"
#include "web/mass/mass_handlers.hpp"
#include "web/privacy/staff_privacy_handlers.hpp"
#include "web/public/evidence_upload.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_cache.hpp"
#include "web/worklists/staff_deadline_handlers.hpp"
#include "web/worklists/staff_reports_page.hpp"
#include "web/worklists/staff_search_handlers.hpp"

namespace meldpunt::web {

http::Router BuildRoutes(const AppContext& app, const http::StaticFiles& static_files) {
  using http::Method;
  using http::Runs;
  http::Router router;
  auto bind = [&app](http::Response (*handler)(const AppContext&, const http::Request&)) {
    return [&app, handler](const http::Request& request) { return handler(app, request); };
  };
  router.Add(
      Method::kGet, "/healthz",
      [](const http::Request&) { return http::Response::Text(200, "ok"); }, Runs::kOnIoThread);
  router.Add(Method::kGet, "/readyz", [&app](const http::Request&) {
    return app.health.Ping() ? http::Response::Text(200, "ready")
                             : http::Response::Text(503, "database unreachable");
  });
  router.Add(
      Method::kGet, "/static/",
      [&static_files](const http::Request& request) { return static_files.Serve(request); },
      Runs::kOnIoThread);

  router.Add(Method::kGet, "/", bind(HomePage), Runs::kOnIoThread);
  auto form = std::make_shared<const ReportFormCache>(app);
  router.Add(
      Method::kGet, "/melden",
      [&app, form](const http::Request& request) { return form->Serve(app, request); },
      Runs::kOnIoThread);
  router.Add(Method::kPost, "/melden", bind(SubmitReport), Runs::kOnWorker, kUploadBodyLimit);
  router.Add(Method::kGet, "/melden/ontvangen", bind(ReportReceivedPage), Runs::kOnIoThread);
  router.Add(Method::kGet, "/privacy", bind(PrivacyPage), Runs::kOnIoThread);
  router.Add(Method::kGet, "/cijfers", bind(PublicFiguresPage));
  router.Add(Method::kGet, "/cijfers.csv", bind(PublicFiguresCsv));
  router.Add(Method::kGet, std::string(kHowWeCountPath), bind(HowWeCountPage), Runs::kOnIoThread);
  router.Add(Method::kGet, "/melden/volgen", bind(FollowUpPage));
  router.Add(Method::kPost, "/melden/volgen", bind(FollowUpSignIn));
  router.Add(Method::kPost, "/melden/volgen/bericht", bind(FollowUpReply), Runs::kOnWorker,
             kUploadBodyLimit);
  router.Add(Method::kPost, "/melden/volgen/afsluiten", bind(FollowUpSignOut));

  router.Add(Method::kGet, "/medewerkers/login", bind(StaffLoginPage));
  router.Add(Method::kPost, "/medewerkers/login", bind(StaffLogin));
  router.Add(Method::kGet, "/medewerkers/login/code", bind(StaffSecondFactorPage));
  router.Add(Method::kPost, "/medewerkers/login/code", bind(StaffSecondFactor));
  router.Add(Method::kGet, "/medewerkers/login/instellen", bind(StaffEnrolPage));
  router.Add(Method::kPost, "/medewerkers/login/instellen", bind(StaffEnrol));
  router.Add(Method::kPost, "/medewerkers/uitloggen", bind(StaffLogout));
  router.Add(Method::kGet, "/medewerkers/sessies", bind(StaffSessionsPage));
  router.Add(Method::kPost, "/medewerkers/sessies/beeindigen", bind(StaffSessionsAction));
  router.Add(Method::kPost, "/medewerkers/sessies/andere-beeindigen", bind(StaffSessionsAction));
  router.Add(Method::kGet, "/medewerkers/bevestigen", bind(StaffConfirmPage));
  router.Add(Method::kPost, "/medewerkers/bevestigen", bind(StaffConfirm));
  router.Add(Method::kGet, "/medewerkers/medewerkers", bind(StaffUsersPage));
  router.Add(Method::kPost, "/medewerkers/medewerkers", bind(StaffUsersAdd));
  router.Add(Method::kPost, "/medewerkers/medewerkers/{id}/tweede-stap-herstellen",
             bind(StaffUserResetSecondFactor));
  router.Add(Method::kGet, "/medewerkers/meldingen", bind(StaffReportsPage));
  router.Add(Method::kGet, "/medewerkers/cijfers", bind(StaffFiguresPage));
  router.Add(Method::kGet, "/medewerkers/cijfers/gemeente", bind(MunicipalFiguresPage));
  router.Add(Method::kGet, std::string(kDashboardPath), bind(DashboardPage));
  router.Add(Method::kGet, "/medewerkers/cijfers/gemeente.csv", bind(MunicipalFiguresCsv));
  router.Add(Method::kGet, "/medewerkers/cijfers/gemeente.pdf", bind(MunicipalFiguresPdf));
  router.Add(Method::kGet, "/medewerkers/cijfers/landelijk", bind(NationalFiguresPage));
  router.Add(Method::kGet, "/medewerkers/cijfers/landelijk.csv", bind(NationalFiguresCsv));
  router.Add(Method::kGet, "/medewerkers/cijfers/landelijk.xlsx", bind(NationalFiguresXlsx));
  router.Add(Method::kPost, "/medewerkers/cijfers/landelijk/importeren",
             bind(NationalFiguresImport), Runs::kOnWorker, kNationalImportBodyLimit);
  router.Add(Method::kPost, "/medewerkers/cijfers/landelijk/verwijderen",
             bind(NationalFiguresDelete));
  router.Add(Method::kGet, "/medewerkers/cijfers/gemeente.xlsx", bind(MunicipalFiguresXlsx));
  router.Add(Method::kGet, "/medewerkers/cijfers/archief", bind(MunicipalArchive));
  router.Add(Method::kGet, kEvidencePath, bind(StaffEvidenceDownload));
  // One report: /medewerkers/meldingen/{id}, POST …/{id}/bericht, and the case forms.
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}", bind(StaffReportPage));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/bericht", bind(StaffReportAction));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/stap", bind(CaseStepPost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/afsluiten", bind(CaseClosePost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/actie", bind(CaseActionPost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/toestemming", bind(CaseConsentPost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/contact", bind(CaseContactPost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/notitie", bind(CaseNotePost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/toewijzen", bind(CaseAssignPost));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/overdragen", bind(MoveReportToBureau));
  // Mass reports (massameldingen): /medewerkers/massameldingen and …/{id}, with its bulk forms.
  router.Add(Method::kGet, "/medewerkers/massameldingen", bind(StaffMassEventsPage));
  router.Add(Method::kPost, "/medewerkers/massameldingen", bind(StaffMassEventAdd));
  router.Add(Method::kGet, "/medewerkers/massameldingen/{id}", bind(StaffMassEventPage));
  router.Add(Method::kPost, "/medewerkers/massameldingen/{id}/koppelen", bind(StaffMassLink),
             Runs::kOnWorker, kMassFormBodyLimit);
  router.Add(Method::kPost, "/medewerkers/massameldingen/{id}/ontkoppelen", bind(StaffMassUnlink),
             Runs::kOnWorker, kMassFormBodyLimit);
  router.Add(Method::kPost, "/medewerkers/massameldingen/{id}/bericht", bind(StaffMassMessage));
  router.Add(Method::kPost, "/medewerkers/massameldingen/{id}/afsluiten", bind(StaffMassClose),
             Runs::kOnWorker, kMassFormBodyLimit);
  router.Add(Method::kGet, kIntakePath, bind(StaffIntakePage));
  router.Add(Method::kPost, kIntakePath, bind(StaffIntakeSubmit));
  // The reporter's rights (staff_privacy_handlers.hpp).
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}/inzage", bind(StaffReportExportPage));
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}/inzage.json", bind(StaffReportExportJson));
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}/corrigeren", bind(StaffReportCorrectPage));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/corrigeren", bind(StaffReportCorrect));
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}/wissen", bind(StaffReportErasePage));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/wissen", bind(StaffReportErase));
  router.Add(Method::kGet, kPopulationPath, bind(StaffPopulationPage));
  router.Add(Method::kPost, kPopulationPath, bind(StaffPopulationSave));
  router.Add(Method::kGet, "/medewerkers/instellingen", bind(StaffSettingsPage));
  router.Add(Method::kPost, "/medewerkers/instellingen", bind(StaffSettingsSave));
  router.Add(Method::kGet, kDeadlinesPath, bind(StaffDeadlinesPage));
  router.Add(Method::kGet, kSearchPath, bind(StaffSearchPage));
  router.Add(Method::kPost, kSearchPath, bind(StaffSearch));
  router.Add(Method::kGet, "/medewerkers/meldingen/{id}/classificatie",
             bind(StaffClassificationPage));
  router.Add(Method::kPost, "/medewerkers/meldingen/{id}/classificatie", bind(StaffClassify));
  router.Add(Method::kGet, "/medewerkers/codelijsten", bind(StaffCodeListsPage));
  router.Add(Method::kPost, "/medewerkers/codelijsten", bind(StaffCodeListsAction));
  router.Add(Method::kPost, "/medewerkers/codelijsten/intrekken", bind(StaffCodeListsAction));
  AddLetterRoutes(app, router);
  router.Add(Method::kGet, "/medewerkers/bureaus", bind(StaffBureausPage));
  router.Add(Method::kPost, "/medewerkers/bureaus", bind(StaffBureausAction));
  router.Add(Method::kPost, "/medewerkers/bureaus/gebied", bind(StaffBureausAction));
  router.Add(Method::kGet, "/medewerkers/inzagelog", bind(StaffAuditLogPage));
  router.Add(Method::kGet, "/medewerkers/inzagelog.csv", bind(StaffAuditLogCsv));
  router.Add(
      Method::kGet, "/medewerkers",
      [](const http::Request&) { return http::Response::SeeOther("/medewerkers/meldingen"); },
      Runs::kOnIoThread);
  return router;
}

}  // namespace meldpunt::web
