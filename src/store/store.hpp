#pragma once
// The one storage interface the rest of meldpunt uses. Implementations encrypt personal data on
// the way in and decrypt it on the way out; classification and dates stay in clear for counting.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/case_event.hpp"
#include "domain/case_protocol.hpp"
#include "domain/code_lists.hpp"
#include "domain/correction.hpp"
#include "domain/figures.hpp"
#include "domain/follow_up.hpp"
#include "domain/login_throttle.hpp"
#include "domain/municipality.hpp"
#include "domain/population.hpp"
#include "domain/public_figures.hpp"
#include "domain/reference.hpp"
#include "domain/report.hpp"
#include "domain/staff_role.hpp"
#include "store/audit_log.hpp"
#include "store/mail_outbox.hpp"

namespace meldpunt {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Too much work queued: nothing was stored, and trying again later may work.
struct StoreBusy : StoreError {
  using StoreError::StoreError;
};

struct RegisteredReport {
  long long id = 0;
  std::string reference;
  long long reported_at = 0;  // Unix seconds
  std::string incident_date;
  std::string incident_municipality;
  std::string residence_municipality;
  bool anonymous = true;
  std::string channel;
  std::string reporter_role;
  std::string nature;
  std::vector<std::string> grounds;
  std::string domain;
  std::string scope;
  std::vector<std::string> wishes;
  bool is_complaint = false;  // klacht: asks for more than registration
  std::string code_list_version;
  std::string description;
  std::optional<Contact> contact;
  bool duplicate = false;  // AddReport found this submission already registered
  ReportStatus status = ReportStatus::kReceived;
  long long bureau_id = 0;  // the bureau whose case it is
  // The case (dossier): its protocol step, who handles it, and how it closed.
  CaseStep step = CaseStep::kReceived;
  std::optional<long long> assigned_to;  // staff user id
  bool consent_recorded = false;         // to involve a third party (letter, mediation, ...)
  std::vector<std::string> handlings;    // afhandeling, set when closed
  std::string outcome;                   // set when closed
  // Unix seconds, while closed: the start of the retention period. None for a report closed by
  // the status form before closing times were kept, until the first retention run stamps it
  // (see AnonymiseClosedReports).
  std::optional<long long> closed_at;
  long long case_version = 0;  // grows with every change; see CaseChange
  // When its personal data was erased (retention or the reporter's request): the description is
  // then empty and the contact details are gone; the classification stays.
  std::optional<long long> anonymised_at;
};

// A change of a report's status (status van de melding), for the reporter's access request.
struct StatusChange {
  long long at = 0;  // Unix seconds
  ReportStatus status = ReportStatus::kReceived;
};

// One event in a case's history (domain/case_event.hpp), decrypted.
struct CaseEvent {
  long long id = 0;
  long long report_id = 0;
  long long at = 0;  // Unix seconds
  std::optional<long long> staff_user_id;
  std::string staff_email;  // who did it; empty for the system
  CaseEventKind kind = CaseEventKind::kNote;
  std::string code;    // see CaseEventKind
  std::string detail;  // codes and ids only, never personal data
  std::string text;    // free text (personal data), decrypted
};

// One change to a case, applied in one transaction together with its event, and only when the
// case is still at `expected_version` (a colleague's change in between makes it fail, so two
// people never undo each other unseen). The checks of what is allowed are the caller's (domain/).
struct CaseChange {
  long long report_id = 0;
  std::optional<long long> staff_user_id;  // none: the system (e.g. registration only)
  long long expected_version = 0;
  CaseEventKind kind = CaseEventKind::kNote;
  std::string code;
  std::string detail;
  std::string text;  // encrypted in the store
  // What changes on the case besides its history:
  // Also sets the reporter's status (ReporterStatusOf), and adds it to the status history
  // (ListStatusChanges) when it changes.
  std::optional<CaseStep> step;
  std::optional<std::optional<long long>> assign;  // a handler, or nobody
  std::optional<bool> consent;
  // Closing: the handling codes and the outcome. Set with step kClosed; a step that leaves
  // kClosed (reopening) clears them.
  std::optional<std::pair<std::vector<std::string>, std::string>> close;
  // Classifying again: the codes and the code-list version they come from.
  struct Classification {
    std::string nature;
    std::vector<std::string> grounds;
    std::string domain;
    std::string code_list_version;
  };
  std::optional<Classification> classify;
};

// One change to the code lists: a code added, or one retired.
struct CodeListEdit {
  enum class Kind { kAdd, kRetire } kind = Kind::kAdd;
  AddedCode code;  // for kRetire only list and code count
};

// The moments of one case that its deadlines look at (web/cases/case_times.hpp turns them into
// CaseTimes), without any personal data: Store::ListOpenCaseTimelines reads them for many cases
// at once, and CaseTimelineOf builds the same from one case's events and messages.
struct CaseTimeline {
  long long report_id = 0;
  std::string reference;
  long long reported_at = 0;  // Unix seconds, as every time below
  // When staff registered it (intake), which may be days after the day it was received
  // (reported_at); none for a report from the public form.
  std::optional<long long> registered_at;
  std::string channel;
  bool is_complaint = false;
  CaseStep step = CaseStep::kReceived;
  std::optional<long long> assigned_to;
  std::optional<long long> closed_at;
  std::optional<long long> first_bureau_message_at;     // in the follow-up thread
  std::optional<long long> last_reporter_message_at;    // in the follow-up thread
  std::optional<long long> first_contact_at;            // case events of kind contact, either code
  std::optional<long long> last_reporter_responded_at;  // contact events "reporter_responded"
  std::optional<long long> last_missed_appointment_at;
  int missed_appointments = 0;
  std::optional<long long> last_letter_sent_at;  // letter_sent events and letter actions
  // The reply date the last letter asked for, when that letter was sent from meldpunt (a
  // letter_sent event names it); a letter only recorded as an action gets the bureau's term.
  std::optional<Date> last_letter_reply_by;
  std::optional<long long> last_reply_received_at;
};

// A search over one bureau's reports (zoeken). Every filter that is set must hold; the free
// text is matched after decryption (domain/text_search.hpp), the rest in SQL.
enum class MunicipalityField { kEither, kIncident, kResidence };
struct ReportSearch {
  long long bureau_id = 0;
  std::optional<long long> report_id = {};       // the number of a reference
  std::optional<int> reported_year = {};         // the year of a reference
  std::optional<long long> reported_from = {};   // Unix seconds, inclusive
  std::optional<long long> reported_until = {};  // Unix seconds, inclusive
  std::string municipality = {};                 // a CBS code or special value; empty: any
  MunicipalityField municipality_field = MunicipalityField::kEither;
  std::vector<std::string> grounds = {};  // any of these; empty: any
  std::string domain = {};                // empty: any
  std::string nature = {};                // empty: any
  std::string handling = {};              // empty: any
  std::optional<CaseStep> step = {};
  bool open_only = false;  // every step before closed
  std::optional<long long> assigned_to = {};
  bool unassigned = false;
  std::optional<bool> complaint = {};  // klacht (true) or melding only (false)
  // Already folded with FoldForSearch; looked for in the description, the contact's name,
  // e-mail address and phone number, and the case's notes. Empty: no free text.
  std::string folded_text = {};
};

struct ReportSearchResult {
  std::vector<RegisteredReport> reports;  // the page asked for, newest first, decrypted
  long long total = 0;                    // matches in all
  // With free text only the newest max_candidates reports that pass the other filters are
  // decrypted and matched; true when there were more.
  bool capped = false;
};

// One message between the reporter and the bureau about a report (bericht).
struct ThreadMessage {
  long long id = 0;
  long long at = 0;  // Unix seconds
  MessageAuthor author = MessageAuthor::kReporter;
  // Who wrote it for the bureau (staff pages only); empty for the reporter.
  std::string staff_email;
  std::string body;
  bool erased = false;  // the body was erased with the report's personal data
};

// A stored evidence file (bewijsstuk), without its content.
struct EvidenceInfo {
  long long id = 0;
  long long report_id = 0;
  std::optional<long long> message_id;  // set for files added later in the follow-up thread
  long long received_at = 0;            // Unix seconds
  std::string media_type;               // of the stored bytes, as sniffed
  long long size = 0;                   // of the stored bytes
  long long original_size = 0;          // of the bytes as received
  std::string original_sha256;          // hex, of the bytes as received
  std::string filename;                 // the client's name, decrypted; for display only
};

struct EvidenceContent {
  EvidenceInfo info;
  std::string content;  // decrypted
};

// A mass-report event (massamelding), with how many reports are linked to it. Every bureau of
// the installation sees every event and links, answers and closes its own reports on it; the
// bureau that made it is named, nothing more. Name and description describe a public event and
// hold no personal data.
struct NewMassEvent {
  long long bureau_id = 0;  // the bureau that makes it
  std::string name;
  std::string description;
  std::string started_on;    // YYYY-MM-DD
  long long created_by = 0;  // a staff user; 0: meldpunt itself (demo data)
};
// Read for one bureau (the reader's): linked, open and closed count that bureau's reports only;
// what other bureaus linked is one number, linked_elsewhere.
struct MassEvent {
  long long id = 0;
  long long bureau_id = 0;  // the bureau that made it
  std::string bureau_name;
  std::string name;
  std::string description;
  std::string started_on;
  long long created_at = 0;
  std::string created_by_email;    // empty when that account is gone
  long long linked = 0;            // reports of the reader's bureau linked to it
  long long open = 0;              // of which the case is open (IsOpen)
  long long closed = 0;            // of which closed or archived
  long long linked_elsewhere = 0;  // reports of other bureaus linked to it
};
// A report linked to an event, as the event's page and bulk closing need it (no personal data).
struct MassLinkedReport {
  long long id = 0;
  std::string reference;
  long long reported_at = 0;
  std::string incident_municipality;
  CaseStep step = CaseStep::kReceived;
  long long case_version = 0;
};
// Reports of a bureau not linked to any event, made in [reported_from, reported_until) (Unix
// seconds), with this nature, social domain and ground; an empty code matches any.
struct MassReportFilter {
  long long bureau_id = 0;
  long long reported_from = 0;
  long long reported_until = 0;
  std::string nature;
  std::string domain;
  std::string ground;
};
// What linking a list of references did. The references are formatted (MP-YYYY-NNNNNN).
struct MassLinkResult {
  long long linked = 0;
  std::vector<std::string> already_linked;  // to this event already
  std::vector<std::string> other_event;     // linked to another event: unlink there first
  std::vector<std::string> not_found;       // no such report in the linking bureau
  bool event_full = false;                  // kMaxReportsPerMassEvent reached; the rest not linked
};
// One message from a bureau to every report of that bureau linked to an event (a bulk answer).
struct MassMessage {
  long long event_id = 0;
  long long bureau_id = 0;  // only this bureau's reports get it
  long long staff_user_id = 0;
  std::string body;
  // The form's random key: the same key sends nothing a second time (a double click).
  std::string submission_key;
};
struct MassMessageResult {
  bool duplicate = false;  // this key was sent before; the counts are of that first time
  long long recipients = 0;
  long long notices = 0;  // e-mail notices queued (reporters who gave an address)
};
// Reports made in a year that are linked to one event, for the figures.
struct MassEventCount {
  long long event_id = 0;
  long long bureau_id = 0;
  std::string name;
  long long reports = 0;
};
// Whether figures count the reports linked to mass events.
enum class MassReports { kIncluded, kExcluded };

inline constexpr size_t kMaxFactsMunicipalities = 1000;

struct MunicipalityCount {
  std::string code;  // CBS code or a special value (none / unknown)
  long long incident = 0;
  long long residence = 0;
};

// A report registered in bulk (AddReportBatch; demo data for test installations), with its case
// as it stands: open (received), or closed with handling codes and an outcome.
struct BatchReport {
  NewReport report;         // received_at: when it was reported; else the batch's now
  long long bureau_id = 0;  // 0: routed as AddReport routes it
  std::optional<long long> mass_event_id;  // linked to this mass event (of any bureau)
  std::vector<std::string> handlings;      // afhandeling; with outcome and closed_at: closed
  std::string outcome;
  std::optional<long long> closed_at;  // set: the case is closed
};

struct NewStaffUser {
  std::string email;
  std::string password_hash;
  StaffRole role = StaffRole::kHandler;
  std::optional<long long> bureau_id;  // none for a system admin
  std::string municipality;            // CBS code; for a municipality viewer only
};

struct StaffUser {
  long long id = 0;
  std::string email;
  std::string password_hash;  // empty in lists (ListUsers)
  std::string role;
  std::optional<long long> bureau_id;
  std::string municipality;
  bool has_second_factor = false;          // enrolled an authenticator app (TOTP)
  std::optional<long long> last_login_at;  // Unix seconds of the last complete login
};

struct StaffSession {
  long long user_id = 0;
  std::string email;
  StaffRole role = StaffRole::kHandler;
  std::optional<long long> bureau_id;
  std::string municipality;
  long long session_id = 0;
  // When the password and the second factor were last entered for this session: at login, and
  // again at /medewerkers/bevestigen before exports of personal data (RequireRecentAuth).
  long long authenticated_at = 0;
};

// One of a staff member's own sessions, for the list at /medewerkers/sessies.
struct StaffSessionInfo {
  long long id = 0;
  long long created_at = 0;
  long long last_used_at = 0;
  std::string device;  // web/accounts/user_agent.hpp's stored form, "browser|system"
};

// A staff member's authenticator secret (raw bytes, decrypted) and the last time step accepted.
struct SecondFactor {
  std::string secret;
  long long last_step = 0;
};

// A login that passed the password and waits for the second factor (or for enrolment): the
// "half-login". It never grants access to anything but the second-factor pages.
struct PendingLogin {
  long long user_id = 0;
  long long created_at = 0;
  std::string throttle_key;  // whose failures a wrong code counts against
  std::string enrol_secret;  // raw bytes, decrypted; set when the user must enrol
};

// Who registered a report that came in through staff (intake): by phone, e-mail, letter...
struct ReportIntake {
  long long staff_user_id = 0;
  std::string staff_email;
  long long registered_at = 0;  // Unix seconds; reported_at may be an earlier day
};

// An anti-discrimination bureau (antidiscriminatievoorziening) and its working area
// (werkgebied). One installation may host several.
struct Bureau {
  long long id = 0;
  std::string name;
  std::vector<std::string> municipalities;  // CBS codes, sorted
};

// A bureau's figures for one year from another installation's national file (landelijke
// jaarrapportage), as imported: the rows as a one-bureau file in the fixed format
// (domain/national_report.hpp), so the same parser reads them back.
struct NationalImport {
  // The file's bureau identifier; a key starting with '~' holds the whole file (its roll-up)
  // while any of its bureaus is imported from it.
  std::string bureau_key;
  int year = 0;
  std::string bureau_name;
  std::string rows_csv;
  std::string file_key;           // the file the rows came from
  long long imported_at = 0;      // Unix seconds
  std::string imported_by_email;  // empty when that account is gone
};

// A bureau's own text of the letter to the other party (briefsjabloon) in one language; see
// letters/letter.hpp for what the fields hold. Not personal data: stored in clear.
struct StoredLetterTemplate {
  std::string subject;
  std::string body;
  std::string closing;
  long long updated_at = 0;      // Unix seconds
  std::string updated_by_email;  // empty when that account is gone
};

// A letter to the other party of a case (hoor en wederhoor) as it was sent.
struct NewCaseLetter {
  long long report_id = 0;
  std::optional<long long> staff_user_id;
  std::string lang;      // "nl" or "en"
  std::string reply_by;  // YYYY-MM-DD: the date by which the bureau asked for a reply
  // Personal data, encrypted in the store:
  std::string other_party_name;
  std::string other_party_address;  // lines separated by "\n"
  std::string summary;              // the complaint as the bureau stated it in the letter
  std::string signed_by;            // the staff member's name under the letter
  std::string pdf;                  // the letter as it was sent
};

struct CaseLetter {
  long long id = 0;
  long long at = 0;         // Unix seconds
  std::string staff_email;  // who sent it; empty when that account is gone
  NewCaseLetter letter;     // decrypted; pdf only from GetCaseLetter
};

class Store {
 public:
  virtual ~Store() = default;

  virtual bool Ping() = 0;

  // Registers a report durably; returns its id and reference only after the commit. A report
  // whose submission key was registered before is not stored again: the earlier one is returned.
  // Its reported_at is NewReport::received_at when set, else now.
  virtual RegisteredReport AddReport(const NewReport& report, long long now) = 0;
  // Registers many reports in one transaction (soci_report_batch.cpp), encrypted and classified
  // as AddReport does, with their grounds, bureau, case step and handlings. Made for generated
  // data: no submission keys, receipts, evidence, case events or status history. Returns the new
  // ids in order.
  virtual std::vector<long long> AddReportBatch(const std::vector<BatchReport>& reports,
                                                long long now) = 0;
  // After AddReportBatch has filled the tables (the demo-data command), on PostgreSQL: VACUUM
  // and ANALYZE of the report tables, so the figures' index-only scans find the visibility map
  // set and need not visit the rows, and the planner knows the tables' sizes, before autovacuum
  // gets to them. Outside any transaction. Nothing on SQLite (soci_report_batch.cpp says why).
  // Returns whether it did anything.
  virtual bool VacuumAfterBulkLoad() = 0;
  // Newest first.
  virtual std::vector<RegisteredReport> ListReports(int limit, int offset) = 0;
  virtual long long CountReports() = 0;
  // The reports of one bureau, newest first.
  virtual std::vector<RegisteredReport> ListBureauReports(long long bureau_id, int limit,
                                                          int offset) = 0;
  virtual long long CountBureauReports(long long bureau_id) = 0;

  // Cases (soci_cases.cpp). Returns false, changing nothing, when the report does not exist or
  // its case_version is no longer change.expected_version.
  virtual bool ApplyCaseChange(const CaseChange& change, long long now) = 0;
  // Many changes at once (bulk work on mass reports), in one transaction, each exactly as
  // ApplyCaseChange would apply it: result[i] says whether changes[i] applied.
  virtual std::vector<bool> ApplyCaseChanges(const std::vector<CaseChange>& changes,
                                             long long now) = 0;
  // Oldest first, decrypted, with the staff member's e-mail address.
  virtual std::vector<CaseEvent> ListCaseEvents(long long report_id) = 0;
  // The staff of a bureau, by e-mail address (without password hashes).
  virtual std::vector<StaffUser> ListBureauStaff(long long bureau_id) = 0;
  // The cases of one bureau assigned to one staff member ("my cases"), newest first, and how many
  // there are (soci_case_lists.cpp).
  virtual std::vector<RegisteredReport> ListAssignedReports(long long bureau_id, long long user_id,
                                                            int limit, int offset) = 0;
  virtual long long CountAssignedReports(long long bureau_id, long long user_id) = 0;

  // Work lists (soci_case_timelines.cpp): the open complaints (klachten: cases not closed or
  // archived) of a bureau, or only those assigned to one staff member, with the moments their
  // deadlines look at, aggregated in the database. By id; no personal data is read.
  virtual std::vector<CaseTimeline> ListOpenCaseTimelines(long long bureau_id,
                                                          std::optional<long long> assigned_to) = 0;
  // Search (soci_search.cpp): the reports of search.bureau_id that match, newest first, `limit`
  // of them from `offset`. With free text, at most max_candidates reports (the newest that pass
  // the other filters) are decrypted and matched.
  virtual ReportSearchResult SearchReports(const ReportSearch& search, int limit, int offset,
                                           int max_candidates) = 0;
  // Code lists (soci_code_lists.cpp): the built-in lists and every code added since.
  virtual CodeLists LoadCodeLists() = 0;
  // Makes a new version (NextCodeListVersion of the current one in `year`) with this change and
  // returns it; nullopt, changing nothing, when the code exists already (kAdd) or is not an
  // added, active code (kRetire). The caller checks the code first (CheckNewCode).
  virtual std::optional<std::string> ChangeCodeLists(const CodeListEdit& edit,
                                                     long long staff_user_id, long long now,
                                                     int year) = 0;
  // Letter templates and letterheads of a bureau (soci_letter_templates.cpp). lang: "nl" or
  // "en". Without a stored template the built-in one applies (letters/default_template.hpp).
  virtual std::optional<StoredLetterTemplate> GetLetterTemplate(long long bureau_id,
                                                                const std::string& lang) = 0;
  // Replaces the bureau's template in that language; updated_at/updated_by_email are ignored.
  virtual void SaveLetterTemplate(long long bureau_id, const std::string& lang,
                                  const StoredLetterTemplate& text, long long staff_user_id,
                                  long long now) = 0;
  // Back to the built-in template in that language.
  virtual void DeleteLetterTemplate(long long bureau_id, const std::string& lang) = 0;
  // The address lines printed under the bureau's name (briefhoofd); empty when none were set.
  virtual std::vector<std::string> GetLetterhead(long long bureau_id) = 0;
  virtual void SaveLetterhead(long long bureau_id, const std::vector<std::string>& lines,
                              long long staff_user_id, long long now) = 0;

  // Letters sent to the other party of a case (soci_case_letters.cpp), with their free text and
  // PDF encrypted. The case's history records the sending (a letter_sent event naming the id);
  // a letter without such an event was never confirmed as sent and is not shown.
  // Returns the new letter's id.
  virtual long long AddCaseLetter(const NewCaseLetter& letter, long long now) = 0;
  // Removes a letter whose letter_sent event could not be recorded (a colleague changed the case).
  virtual void DeleteCaseLetter(long long report_id, long long letter_id) = 0;
  // Oldest first, decrypted, without the PDFs.
  virtual std::vector<CaseLetter> ListCaseLetters(long long report_id) = 0;
  // One letter with its PDF, when it belongs to that report.
  virtual std::optional<CaseLetter> GetCaseLetter(long long report_id, long long letter_id) = 0;

  // Bureaus (soci_bureaus.cpp). A report goes to the bureau whose working area holds the
  // incident's municipality, else the reporter's, else to the first bureau (lowest id), which
  // every installation has. A municipality is looked up as today's (its successor after mergers,
  // MunicipalityRegistry::Successor), once the store has the registry (UseMunicipalities); the
  // report keeps the code it was given.
  // Gives the store the municipalities for routing; call it before reports are added (the
  // server and the demo-data command do). Without it, codes route as stored.
  virtual void UseMunicipalities(const MunicipalityRegistry& registry) = 0;
  // Returns nullopt when the name is taken.
  virtual std::optional<long long> AddBureau(const std::string& name, long long now) = 0;
  // By id, with their working areas.
  virtual std::vector<Bureau> ListBureaus() = 0;
  // Adds municipalities to a bureau's working area, taking them from any other bureau's area.
  // Returns false when there is no such bureau.
  virtual bool AddToWorkingArea(long long bureau_id, const std::vector<std::string>& codes) = 0;
  // Hands a report over to another bureau; it stays linked to its mass-report event, if any.
  // Returns false when either does not exist.
  virtual bool MoveReport(long long report_id, long long bureau_id) = 0;
  // Counts per municipality, as incident place and as residence, for reports made in a year;
  // with kExcluded, reports linked to a mass event are left out; with a bureau, only the reports
  // that bureau holds.
  virtual std::vector<MunicipalityCount> CountByMunicipality(
      int year, MassReports mass = MassReports::kIncluded,
      std::optional<long long> bureau_id = std::nullopt) = 0;
  // Figures (soci_report_facts.cpp): the classification of every report reported in
  // [from_year, to_year] whose incident or residence municipality is one of `municipalities`
  // (codes as stored: pass merged predecessors too), oldest first. Reads only clear columns and
  // decrypts nothing. At most kMaxFactsMunicipalities codes; others throw StoreError.
  virtual std::vector<ReportFacts> ListReportFacts(
      int from_year, int to_year, const std::vector<std::string>& municipalities) = 0;
  // The national file (soci_national.cpp): the facts of every report reported in
  // [from_year, to_year], with bureau_id and complaint, in one read of clear columns.
  virtual std::vector<ReportFacts> ListYearFacts(int from_year, int to_year) = 0;
  // Imported national files: one row per bureau identifier and year; saving replaces the rows of
  // the same bureau and year, all in one transaction.
  virtual void SaveNationalImports(const std::vector<NationalImport>& imports,
                                   long long staff_user_id, long long now) = 0;
  // By year (all years when 0), then bureau identifier.
  virtual std::vector<NationalImport> ListNationalImports(int year) = 0;
  // Returns false when there was no such import. A file none of whose bureaus is left goes too.
  virtual bool DeleteNationalImport(const std::string& bureau_key, int year) = 0;

  // Population figures (soci_population.cpp), every municipality's for the years in
  // [from_year, to_year].
  virtual std::vector<PopulationFigure> ListPopulation(int from_year, int to_year) = 0;
  // Sets these figures (others keep theirs), in one transaction.
  virtual void WritePopulation(const std::vector<PopulationFigure>& figures, long long user_id,
                               long long now) = 0;

  // Mass-report events (massameldingen; soci_mass_*.cpp). An event belongs to the installation:
  // every bureau sees it, and each bureau reads, links, unlinks, answers and closes only its own
  // reports on it (`bureau_id` below is the reader's bureau). Returns nullopt when any bureau has
  // an event of that name already (one burst, one event).
  virtual std::optional<long long> AddMassEvent(const NewMassEvent& event, long long now) = 0;
  // Every event, newest first, with the counts as bureau_id reads them (see MassEvent).
  virtual std::vector<MassEvent> ListMassEvents(long long bureau_id) = 0;
  virtual std::optional<MassEvent> GetMassEvent(long long event_id, long long bureau_id) = 0;
  // The reports of bureau_id linked to an event, oldest first.
  virtual std::vector<MassLinkedReport> ListMassEventReports(long long event_id,
                                                             long long bureau_id) = 0;
  // Reports matching the filter and not linked to any event: how many, and the oldest `limit`.
  virtual long long CountUnlinkedReports(const MassReportFilter& filter) = 0;
  virtual std::vector<ParsedReference> FindUnlinkedReports(const MassReportFilter& filter,
                                                           int limit) = 0;
  // Links reports of bureau_id to an event in one transaction: only reports of that bureau whose
  // reference (year and number) matches and that no event holds yet; another bureau's report is
  // not_found, like a reference that does not exist. Each linked report gets a case event
  // kLinked (code "linked", detail the event id) and a new case_version, so a colleague's form
  // made before the link does not overwrite it. Throws StoreError when the event does not exist.
  virtual MassLinkResult LinkReports(long long event_id, long long bureau_id,
                                     const std::vector<ParsedReference>& references,
                                     long long staff_user_id, long long now) = 0;
  // Unlinks reports of bureau_id from an event in one transaction, each with a case event
  // kLinked (code "unlinked", detail the event id) and a new case_version. Returns how many were
  // unlinked; ids not of that bureau or not linked to this event are ignored.
  virtual long long UnlinkReports(long long event_id, long long bureau_id,
                                  const std::vector<long long>& report_ids, long long staff_user_id,
                                  long long now) = 0;
  // The message, encrypted per report, in the thread of every report of message.bureau_id linked
  // to the event, and an e-mail notice queued for each of their reporters with an e-mail
  // address, in one transaction. Other bureaus' reporters get nothing.
  virtual MassMessageResult SendMassMessage(const MassMessage& message, long long now) = 0;
  // Per event (of every bureau), the reports made in the year that are linked to it; events
  // without such reports are left out. By name.
  virtual std::vector<MassEventCount> CountMassReports(int year) = 0;

  // Returns false when the e-mail address is taken.
  virtual bool AddUser(const NewStaffUser& user, long long now) = 0;
  virtual std::optional<StaffUser> FindUser(const std::string& email) = 0;

  // Staff users (soci_staff_users.cpp). Without a bureau: every user; else the bureau's. Ordered
  // by e-mail address, without password hashes.
  virtual std::vector<StaffUser> ListUsers(std::optional<long long> bureau_id) = 0;
  virtual std::optional<StaffUser> GetUser(long long user_id) = 0;

  // Staff sessions (soci_staff_sessions.cpp), stored as a hash of the cookie's token. A session
  // starts after the password and the second factor: authenticated now. The user's last login
  // becomes now. Returns the session's id.
  virtual long long StartSession(const std::string& token_hash, long long user_id, long long now,
                                 const std::string& device) = 0;
  // For tests of handlers: a session without a device description.
  void AddSession(const std::string& token_hash, long long user_id, long long now) {
    StartSession(token_hash, user_id, now, "");
  }
  // Returns the session's user when it exists, was used after idle_since and started after
  // started_since (the absolute lifetime); marks it used now. An expired session is deleted.
  virtual std::optional<StaffSession> UseSession(const std::string& token_hash, long long now,
                                                 long long idle_since, long long started_since) = 0;
  virtual void EndSession(const std::string& token_hash) = 0;
  // The user's live sessions, newest first; expired ones are deleted on the way.
  virtual std::vector<StaffSessionInfo> ListSessions(long long user_id, long long idle_since,
                                                     long long started_since) = 0;
  // Ends one of the user's sessions; false when the user has no session with that id.
  virtual bool EndSessionOf(long long user_id, long long session_id) = 0;
  // Ends every session of the user but one; returns how many ended.
  virtual int EndOtherSessions(long long user_id, long long keep_session_id) = 0;
  // The password and second factor were entered again for this session (re-authentication).
  virtual void MarkReauthenticated(long long session_id, long long now) = 0;

  // Second factor (soci_staff_auth.cpp). The secret is stored encrypted.
  virtual std::optional<SecondFactor> GetSecondFactor(long long user_id) = 0;
  // Stores a confirmed secret, the step of the code that confirmed it, and the hashes of new
  // recovery codes (replacing any earlier ones). Returns false, storing nothing, when the user has
  // a second factor already.
  virtual bool EnrolSecondFactor(long long user_id, const std::string& secret, long long step,
                                 const std::vector<std::string>& recovery_code_hashes) = 0;
  // Records that the code of this time step was used. Returns false when this or a later step
  // was accepted before: the code is a replay.
  virtual bool UseTotpStep(long long user_id, long long step) = 0;
  // Uses up an unused recovery code; false when the user has none with this hash.
  virtual bool UseRecoveryCode(long long user_id, const std::string& code_hash, long long now) = 0;
  virtual int CountUnusedRecoveryCodes(long long user_id) = 0;
  // Removes the user's second factor and recovery codes and ends all their sessions and pending
  // logins, so the next login must enrol again. Returns false when there is no such user.
  virtual bool ResetSecondFactor(long long user_id) = 0;

  // Pending logins between the password and the second factor (soci_staff_auth.cpp), stored as
  // a hash of the cookie's token. Pending logins created before forget_before are deleted.
  virtual void AddPendingLogin(const std::string& token_hash, const PendingLogin& login,
                               long long forget_before) = 0;
  // The pending login when it exists and was created after created_since.
  virtual std::optional<PendingLogin> GetPendingLogin(const std::string& token_hash,
                                                      long long created_since) = 0;
  virtual void EndPendingLogin(const std::string& token_hash) = 0;

  // Failed logins per account (or per account on a known device), for throttling (ASVS 2.2.1).
  // The key is a keyed hash, also for addresses that have no account.
  virtual LoginThrottle GetLoginThrottle(const std::string& key) = 0;
  // Counts one failure at now under the policy; returns the new state. Entries whose last
  // failure is older than the policy's forget_after are deleted on the way.
  virtual LoginThrottle RecordLoginFailure(const std::string& key,
                                           const LoginThrottlePolicy& policy, long long now) = 0;
  virtual void ClearLoginFailures(const std::string& key) = 0;

  // Evidence files. AddReport stores NewReport::evidence with the report; AddEvidence adds files
  // to a report later (message_id: the follow-up message they came with). It stores nothing and
  // returns nothing when the report would then hold more than kMaxEvidenceFilesPerReport files;
  // otherwise the new ids. Throws StoreError when the report does not exist.
  virtual std::optional<std::vector<long long>> AddEvidence(long long report_id,
                                                            std::optional<long long> message_id,
                                                            const std::vector<EvidenceFile>& files,
                                                            long long now) = 0;
  // Oldest first, without content.
  virtual std::vector<EvidenceInfo> ListEvidence(long long report_id) = 0;
  // One file with its content, when it belongs to that report.
  virtual std::optional<EvidenceContent> GetEvidence(long long report_id,
                                                     long long evidence_id) = 0;
  virtual long long CountEvidence(long long report_id) = 0;
  // Files per report for the reports with ids from first_id to last_id; reports without files
  // are left out.
  virtual std::map<long long, long long> CountEvidenceByReport(long long first_id,
                                                               long long last_id) = 0;
  // Follow-up by the reporter (see domain/follow_up.hpp and security/receipts.hpp).
  // The report whose receipt has this hash (Receipts::Hash), if any.
  virtual std::optional<long long> FindReportByReceipt(const std::string& receipt_hash) = 0;
  // One report, decrypted, with its status; nullopt when there is no such report.
  virtual std::optional<RegisteredReport> GetReport(long long id) = 0;
  // Returns false when there is no such report. This is the one place a status changes: closing
  // sets closed_at to now (the start of the retention period), any other status clears it, and
  // every change is kept in the report's status history (ListStatusChanges).
  virtual bool SetReportStatus(long long id, ReportStatus status, long long now) = 0;
  // Stores the message encrypted; returns its id (evidence files may point to it later).
  // staff_user_id is set for messages from the bureau.
  virtual long long AddMessage(long long report_id, MessageAuthor author,
                               std::optional<long long> staff_user_id, const std::string& body,
                               long long now) = 0;
  // Oldest first, decrypted.
  virtual std::vector<ThreadMessage> ListMessages(long long report_id) = 0;
  // Reporter sessions after a right receipt, stored as a hash of the cookie's token like staff
  // sessions. Sessions last used before forget_before are deleted at the same time: when a
  // reporter looked at their report is not kept longer than needed.
  virtual void AddFollowUpSession(const std::string& token_hash, long long report_id, long long now,
                                  long long forget_before) = 0;
  // The session's report when it exists, was used after idle_since and started after
  // started_since; marks it used now. An expired session is deleted.
  virtual std::optional<long long> UseFollowUpSession(const std::string& token_hash, long long now,
                                                      long long idle_since,
                                                      long long started_since) = 0;
  virtual void EndFollowUpSession(const std::string& token_hash) = 0;

  // Append-only record of who saw or did what (inzage- en wijzigingslog; soci_audit.cpp; see
  // store/audit_log.hpp). Each entry is chained to the one before with a keyed hash; a store
  // opened without the audit chain key refuses to write entries (StoreError).
  virtual void Audit(const AuditEntry& entry, long long now) = 0;
  // The older form, for entries about no case and no bureau: detail only.
  void Audit(long long user_id, const std::string& action, const std::string& detail,
             long long now) {
    Audit(AuditEntry::ForBureau(user_id, action, std::nullopt, detail), now);
  }
  virtual long long CountAudit(const std::string& action) = 0;
  // The entries of a bureau's log that match the filter, newest first.
  virtual std::vector<AuditRecord> ListAudit(const AuditFilter& filter, int limit, int offset) = 0;
  virtual long long CountAuditMatching(const AuditFilter& filter) = 0;
  // Walks the whole log and checks the hash chain (needs the audit chain key).
  virtual AuditChainReport VerifyAuditChain() = 0;

  // Staff intake (soci_intake.cpp). AddReport records who registered a report when
  // NewReport::registered_by is set; this reads it back. nullopt for a report from the public
  // form.
  virtual std::optional<ReportIntake> GetReportIntake(long long report_id) = 0;
  // An audit entry for what meldpunt did by itself, by a rule, without a staff member (no user):
  // for example closing a report that asked for registration only.
  virtual void AuditSystem(const std::string& action, const std::string& subject,
                           long long now) = 0;

  // The outbox of e-mails to reporters (src/mail/). Queues an e-mail of this kind for the contact
  // e-mail address stored with a report; returns false, queuing nothing, when the report has none
  // (anonymous, phone only, unknown id). A report gets at most one confirmation, however often
  // this is called. lang is "nl" or "en"; empty takes the language of the report's earlier
  // e-mails, else Dutch.
  virtual bool EnqueueReporterMail(long long report_id, MailKind kind, const std::string& lang,
                                   long long now) = 0;
  // Claims the e-mail that has been due longest and that no sender holds, for this sender until
  // lease_until, and counts the attempt. Several servers on one database never hold the same one.
  virtual std::optional<OutboxMail> ClaimDueMail(long long now, long long lease_until) = 0;
  // Sent, or given up: either way the address is erased from the outbox.
  virtual void MarkMailSent(long long id, long long now) = 0;
  virtual void MarkMailFailed(long long id, long long now, const std::string& error) = 0;
  // Releases a claimed e-mail to be tried again at next_attempt_at. The error holds no address.
  virtual void RetryMail(long long id, long long next_attempt_at, const std::string& error) = 0;
  virtual OutboxCounts CountOutbox() = 0;

  // Bureau settings (soci_bureau_settings.cpp): stored values by name, as text; see
  // domain/bureau_settings.hpp for their meaning, ranges and defaults.
  virtual std::map<std::string, std::string> ReadBureauSettings(long long bureau_id) = 0;
  // Sets the given settings of a bureau (others keep their value).
  virtual void WriteBureauSettings(long long bureau_id,
                                   const std::map<std::string, std::string>& values,
                                   long long now) = 0;

  // Retention and erasure (soci_anonymise.cpp). What "anonymise" erases is listed in one place,
  // store/personal_data.hpp; everything else of a report stays, so it keeps counting.
  // Closed reports of a bureau, not yet anonymised, closed before closed_before.
  virtual long long CountReportsToAnonymise(long long bureau_id, long long closed_before) = 0;
  // Anonymises those reports, each with an audit record (report.anonymise, no user), and returns
  // how many. Closed reports without a closing time (closed before closing times were kept) get
  // closed_at = now first, so their retention period starts now.
  virtual long long AnonymiseClosedReports(long long bureau_id, long long closed_before,
                                           long long now) = 0;
  // Erases the personal data of one report now (the reporter's request to be forgotten). Returns
  // false when there is no such report; a report anonymised before keeps its first time.
  virtual bool AnonymiseReport(long long report_id, long long now) = 0;

  // Correction and history (soci_report_changes.cpp).
  // Replaces the description and/or the contact details (only the fields set); e-mail waiting in
  // the outbox goes to the corrected address, or is dropped when the report has none. Returns
  // false when there is no such report or it was anonymised.
  virtual bool CorrectReport(long long report_id, const ReportCorrection& correction) = 0;
  // Oldest first; changes made before the history was kept are not in it.
  virtual std::vector<StatusChange> ListStatusChanges(long long report_id) = 0;
};

}  // namespace meldpunt
