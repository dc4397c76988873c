#pragma once
// Every URL of meldpunt, one named constant each, grouped by feature. routes.cpp adds them with
// their handlers and policies; the pages and redirects use the same constants. A segment written
// "{name}" matches any one segment (http/router.hpp).
#include <string_view>

namespace meldpunt::web {

// Operations.
inline constexpr const char* kHealthPath = "/healthz";
inline constexpr const char* kReadyPath = "/readyz";
inline constexpr const char* kStaticPath = "/static/";  // a prefix
// Prometheus metrics: served only on the --metrics-listen address, never on the public port
// (app/metrics_service.hpp, issue 17), so it is not in the route table.
inline constexpr const char* kMetricsPath = "/metrics";

// public/: the home page, the report form (melden) and the confirmation after sending.
inline constexpr const char* kHomePath = "/";
inline constexpr const char* kReportFormPath = "/melden";
inline constexpr const char* kReportReceivedPath = "/melden/ontvangen";
inline constexpr const char* kPrivacyPath = "/privacy";
// Other ways to report (andere manieren om te melden): phone, desk, WhatsApp, e-mail, per bureau
// (issue 15).
inline constexpr const char* kOtherWaysPath = "/andere-manieren-om-te-melden";
// A bureau's house style (huisstijl, issue 15): its colours as a token sheet and its logo, each
// with a version in the query (?v=) so that they can be cached for long.
inline constexpr const char* kBureauThemePath = "/huisstijl/{id}/kleuren.css";
inline constexpr const char* kBureauLogoPath = "/huisstijl/{id}/logo.png";

// followup/: a reporter following their report up with the receipt code (volgcode).
inline constexpr const char* kFollowUpPath = "/melden/volgen";
inline constexpr const char* kFollowUpMessagePath = "/melden/volgen/bericht";
inline constexpr const char* kFollowUpSignOutPath = "/melden/volgen/afsluiten";

// accounts/: staff login, second factor, sessions, re-authentication, staff accounts.
inline constexpr const char* kStaffHomePath = "/medewerkers";
inline constexpr const char* kStaffLoginPath = "/medewerkers/login";
inline constexpr const char* kSecondFactorPath = "/medewerkers/login/code";
inline constexpr const char* kEnrolPath = "/medewerkers/login/instellen";
inline constexpr const char* kLogoutPath = "/medewerkers/uitloggen";
inline constexpr const char* kSessionsPath = "/medewerkers/sessies";
inline constexpr const char* kEndSessionPath = "/medewerkers/sessies/beeindigen";
inline constexpr const char* kEndOtherSessionsPath = "/medewerkers/sessies/andere-beeindigen";
// Re-authentication (opnieuw bevestigen) before an export of personal data.
inline constexpr const char* kConfirmPath = "/medewerkers/bevestigen";
inline constexpr const char* kStaffUsersPath = "/medewerkers/medewerkers";
inline constexpr const char* kResetSecondFactorPath =
    "/medewerkers/medewerkers/{id}/tweede-stap-herstellen";
// Deactivating and reactivating an account (issue 14): the form's `status` is `inactief` or
// `actief`.
inline constexpr const char* kStaffUserStatusPath = "/medewerkers/medewerkers/{id}/status";
// Changing an account's role (issue 14): the form's `role`.
inline constexpr const char* kStaffUserRolePath = "/medewerkers/medewerkers/{id}/rol";
inline constexpr const char* kStaffUserBureauPath = "/medewerkers/medewerkers/{id}/bureau";

// worklists/: the bureau's reports, deadlines (termijnen) and search.
inline constexpr const char* kReportsPath = "/medewerkers/meldingen";
inline constexpr const char* kDeadlinesPath = "/medewerkers/termijnen";
inline constexpr const char* kSearchPath = "/medewerkers/zoeken";
// Saved filters of the list of reports, per staff member (issue 14).
inline constexpr const char* kSavedFiltersPath = "/medewerkers/bewaarde-filters";
inline constexpr const char* kSavedFilterDeletePath =
    "/medewerkers/bewaarde-filters/{id}/verwijderen";

// intake/: staff registering a report that came in by phone, post or at the desk.
inline constexpr const char* kIntakePath = "/medewerkers/registreren";

// cases/: one report and its case (dossier).
inline constexpr const char* kCasePath = "/medewerkers/meldingen/{id}";
inline constexpr const char* kCaseMessagePath = "/medewerkers/meldingen/{id}/bericht";
inline constexpr const char* kCaseStepPath = "/medewerkers/meldingen/{id}/stap";
inline constexpr const char* kCaseClosePath = "/medewerkers/meldingen/{id}/afsluiten";
inline constexpr const char* kCaseActionPath = "/medewerkers/meldingen/{id}/actie";
inline constexpr const char* kCaseConsentPath = "/medewerkers/meldingen/{id}/toestemming";
inline constexpr const char* kCaseContactPath = "/medewerkers/meldingen/{id}/contact";
inline constexpr const char* kCaseNotePath = "/medewerkers/meldingen/{id}/notitie";
inline constexpr const char* kCaseTagPath = "/medewerkers/meldingen/{id}/labels";
// Link or unlink a related case (gerelateerde zaak, issue 14).
inline constexpr const char* kCaseRelatedPath = "/medewerkers/meldingen/{id}/gerelateerd";
inline constexpr const char* kCaseReferralPath = "/medewerkers/meldingen/{id}/doorverwijzing";
inline constexpr const char* kCaseOwnInitiativePath =
    "/medewerkers/meldingen/{id}/eigen-initiatief";
inline constexpr const char* kCaseAssignPath = "/medewerkers/meldingen/{id}/toewijzen";
inline constexpr const char* kCaseMediationPath = "/medewerkers/meldingen/{id}/bemiddeling";
// Follow-up dates (opvolgdatum, issue 14): set one, or mark it done.
// The list of reports as CSV, with the list's filters (issue 14).
inline constexpr const char* kReportsCsvPath = "/medewerkers/meldingen.csv";
inline constexpr const char* kCaseFollowUpPath = "/medewerkers/meldingen/{id}/opvolgen";
inline constexpr const char* kCaseMovePath = "/medewerkers/meldingen/{id}/overdragen";
inline constexpr const char* kClassificationPath = "/medewerkers/meldingen/{id}/classificatie";
// The files with a report: /medewerkers/meldingen/{report id}/bestanden/{evidence id}.
inline constexpr const char* kEvidencePath = "/medewerkers/meldingen/{report}/bestanden/{file}";
// A file's thumbnail (voorbeeld) on the case page, with a signed ticket from that page (issue 14).
inline constexpr const char* kEvidencePreviewPath =
    "/medewerkers/meldingen/{report}/bestanden/{file}/voorbeeld";

// privacy/: the reporter's rights (inzage, corrigeren, wissen).
inline constexpr const char* kExportPath = "/medewerkers/meldingen/{id}/inzage";
inline constexpr const char* kExportJsonPath = "/medewerkers/meldingen/{id}/inzage.json";
inline constexpr const char* kCorrectPath = "/medewerkers/meldingen/{id}/corrigeren";
inline constexpr const char* kErasePath = "/medewerkers/meldingen/{id}/wissen";

// letters/: letters to the other party (hoor en wederhoor) and the bureau's templates.
inline constexpr const char* kLetterTemplatesPath = "/medewerkers/briefsjablonen";
inline constexpr const char* kLetterheadPath = "/medewerkers/briefsjablonen/briefhoofd";
inline constexpr const char* kLetterFormPath = "/medewerkers/meldingen/{id}/brief";
inline constexpr const char* kLetterPdfPath = "/medewerkers/meldingen/{id}/brieven/{letter}";
inline constexpr const char* kLetterReplyPath =
    "/medewerkers/meldingen/{id}/brieven/{letter}/reactie";

// mass/: mass reports (massameldingen).
inline constexpr std::string_view kMassEventsPath = "/medewerkers/massameldingen";
inline constexpr const char* kMassEventPath = "/medewerkers/massameldingen/{id}";
inline constexpr const char* kMassLinkPath = "/medewerkers/massameldingen/{id}/koppelen";
inline constexpr const char* kMassUnlinkPath = "/medewerkers/massameldingen/{id}/ontkoppelen";
inline constexpr const char* kMassMessagePath = "/medewerkers/massameldingen/{id}/bericht";
inline constexpr const char* kMassClosePath = "/medewerkers/massameldingen/{id}/afsluiten";

// figures/: the public figures, the staff figures, municipal and national reports.
inline constexpr const char* kPublicFiguresPath = "/cijfers";
inline constexpr const char* kPublicFiguresCsvPath = "/cijfers.csv";
inline constexpr std::string_view kHowWeCountPath = "/cijfers/uitleg";
inline constexpr const char* kStaffFiguresPath = "/medewerkers/cijfers";
inline constexpr std::string_view kDashboardPath = "/medewerkers/cijfers/overzicht";
inline constexpr const char* kMunicipalPath = "/medewerkers/cijfers/gemeente";
inline constexpr const char* kMunicipalCsvPath = "/medewerkers/cijfers/gemeente.csv";
inline constexpr const char* kMunicipalPdfPath = "/medewerkers/cijfers/gemeente.pdf";
inline constexpr const char* kMunicipalXlsxPath = "/medewerkers/cijfers/gemeente.xlsx";
inline constexpr const char* kArchivePath = "/medewerkers/cijfers/archief";
inline constexpr const char* kNationalPath = "/medewerkers/cijfers/landelijk";
inline constexpr const char* kNationalCsvPath = "/medewerkers/cijfers/landelijk.csv";
inline constexpr const char* kNationalXlsxPath = "/medewerkers/cijfers/landelijk.xlsx";
inline constexpr const char* kNationalImportPath = "/medewerkers/cijfers/landelijk/importeren";
inline constexpr const char* kNationalDeletePath = "/medewerkers/cijfers/landelijk/verwijderen";
inline constexpr const char* kPopulationPath = "/medewerkers/inwoners";

// admin/: bureaus, bureau settings, code lists, the audit log (inzagelog).
inline constexpr const char* kBureausPath = "/medewerkers/bureaus";
inline constexpr const char* kWorkingAreaPath = "/medewerkers/bureaus/gebied";
inline constexpr const char* kSettingsPath = "/medewerkers/instellingen";
// The bureau's own details and face (gegevens van het bureau, issue 15), and its logo upload.
inline constexpr const char* kBureauProfilePath = "/medewerkers/gegevens-bureau";
inline constexpr const char* kBureauProfileLogoPath = "/medewerkers/gegevens-bureau/logo";
inline constexpr const char* kCodeListsPath = "/medewerkers/codelijsten";
// The languages of the site and their review, for the system admin (issue 15).
inline constexpr const char* kLanguagesPath = "/medewerkers/talen";
inline constexpr const char* kRetireCodePath = "/medewerkers/codelijsten/intrekken";
inline constexpr const char* kAuditLogPath = "/medewerkers/inzagelog";
inline constexpr const char* kAuditLogCsvPath = "/medewerkers/inzagelog.csv";
// The bureau's tags (labels), for its admin; a case's tags are put on at kCaseTagPath.
inline constexpr const char* kTagsPath = "/medewerkers/labels";
// The bureau's standard replies (standaardteksten), for its admin (issue 14).
inline constexpr const char* kStandardRepliesPath = "/medewerkers/standaardteksten";
// The bureau's partner API keys (API-sleutels), for its admin (issue 17).
inline constexpr const char* kPartnerKeysPath = "/medewerkers/api-sleutels";

// api/: the partner intake API (issue 17) and its OpenAPI document.
inline constexpr std::string_view kApiPrefix = "/api/";  // every path of the partner API
inline constexpr const char* kApiReportsPath = "/api/v1/reports";
inline constexpr const char* kApiDocumentPath = "/api/v1/openapi.json";

}  // namespace meldpunt::web
