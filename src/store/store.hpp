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
#include "domain/follow_up.hpp"
#include "domain/report.hpp"
#include "domain/staff_role.hpp"
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
  std::optional<long long> closed_at;    // Unix seconds, while closed
  long long case_version = 0;            // grows with every change; see CaseChange
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
  std::optional<CaseStep> step;  // also sets the reporter's status (ReporterStatusOf)
  std::optional<std::optional<long long>> assign;  // a handler, or nobody
  std::optional<bool> consent;
  // Closing: the handling codes and the outcome. Set with step kClosed; a step that leaves
  // kClosed (reopening) clears them.
  std::optional<std::pair<std::vector<std::string>, std::string>> close;
};

// One message between the reporter and the bureau about a report (bericht).
struct ThreadMessage {
  long long id = 0;
  long long at = 0;  // Unix seconds
  MessageAuthor author = MessageAuthor::kReporter;
  // Who wrote it for the bureau (staff pages only); empty for the reporter.
  std::string staff_email;
  std::string body;
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

struct MunicipalityCount {
  std::string code;  // CBS code or a special value (none / unknown)
  long long incident = 0;
  long long residence = 0;
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
  std::string password_hash;
  std::string role;
  std::optional<long long> bureau_id;
  std::string municipality;
};

struct StaffSession {
  long long user_id = 0;
  std::string email;
  StaffRole role = StaffRole::kHandler;
  std::optional<long long> bureau_id;
  std::string municipality;
};

// An anti-discrimination bureau (antidiscriminatievoorziening) and its working area
// (werkgebied). One installation may host several.
struct Bureau {
  long long id = 0;
  std::string name;
  std::vector<std::string> municipalities;  // CBS codes, sorted
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
  virtual RegisteredReport AddReport(const NewReport& report, long long now) = 0;
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
  // Oldest first, decrypted, with the staff member's e-mail address.
  virtual std::vector<CaseEvent> ListCaseEvents(long long report_id) = 0;
  // The staff of a bureau, by e-mail address (without password hashes).
  virtual std::vector<StaffUser> ListBureauStaff(long long bureau_id) = 0;
  // The cases of one bureau assigned to one staff member ("my cases"), newest first, and how many
  // there are (soci_case_lists.cpp).
  virtual std::vector<RegisteredReport> ListAssignedReports(long long bureau_id, long long user_id,
                                                            int limit, int offset) = 0;
  virtual long long CountAssignedReports(long long bureau_id, long long user_id) = 0;

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
  // every installation has. Returns nullopt when the name is taken.
  virtual std::optional<long long> AddBureau(const std::string& name, long long now) = 0;
  // By id, with their working areas.
  virtual std::vector<Bureau> ListBureaus() = 0;
  // Adds municipalities to a bureau's working area, taking them from any other bureau's area.
  // Returns false when there is no such bureau.
  virtual bool AddToWorkingArea(long long bureau_id, const std::vector<std::string>& codes) = 0;
  // Hands a report over to another bureau. Returns false when either does not exist.
  virtual bool MoveReport(long long report_id, long long bureau_id) = 0;
  // Counts per municipality, as incident place and as residence, for reports made in a year.
  virtual std::vector<MunicipalityCount> CountByMunicipality(int year) = 0;

  // Returns false when the e-mail address is taken.
  virtual bool AddUser(const NewStaffUser& user, long long now) = 0;
  virtual std::optional<StaffUser> FindUser(const std::string& email) = 0;

  virtual void AddSession(const std::string& token_hash, long long user_id, long long now) = 0;
  // Returns the session's user when it exists and was used after idle_since; marks it used now.
  virtual std::optional<StaffSession> UseSession(const std::string& token_hash, long long now,
                                                 long long idle_since) = 0;
  virtual void EndSession(const std::string& token_hash) = 0;

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
  // Returns false when there is no such report.
  virtual bool SetReportStatus(long long id, ReportStatus status) = 0;
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

  // Append-only record of who saw or did what (inzage- en wijzigingslog).
  virtual void Audit(long long user_id, const std::string& action, const std::string& subject,
                     long long now) = 0;
  virtual long long CountAudit(const std::string& action) = 0;

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
};

}  // namespace meldpunt
