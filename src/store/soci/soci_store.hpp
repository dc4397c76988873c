#pragma once
// The Store on SOCI, for SQLite (one queued writer, pooled readers) and PostgreSQL (a pool).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "security/crypto.hpp"
#include "security/match_keys.hpp"
#include "store/database_url.hpp"
#include "store/report_channel_counts.hpp"
#include "store/soci/reader_pool.hpp"
#include "store/store.hpp"

namespace soci {
class connection_pool;
class row;
class session;
}  // namespace soci

namespace meldpunt {

class WalCheckpointer;
class WriteQueue;

class SociStore final : public Store {
 public:
  // Connects, applies pending migrations, and gets ready to serve.
  // Without a data key the store serves everything but the encrypted fields of reports.
  // Without the audit chain key the store writes no audit entries.
  // worklist_count_cap: how many rows a work list counts at most (kWorklistCountCap; a test
  // passes a small one to reach it with few reports).
  SociStore(const DatabaseUrl& url, std::optional<Key> data_key, size_t pool_size,
            std::optional<Key> audit_key = std::nullopt,
            long long worklist_count_cap = kWorklistCountCap);
  ~SociStore() override;

  bool Ping() override;
  RegisteredReport AddReport(const NewReport& report, long long now,
                             const ClosingOnArrival* closing = nullptr) override;
  std::vector<long long> AddReportBatch(const std::vector<BatchReport>& reports,
                                        long long now) override;
  bool VacuumAfterBulkLoad() override;
  std::vector<RegisteredReport> ListReports(int limit, int offset) override;
  long long CountReports() override;
  std::vector<MunicipalityCount> CountByMunicipality(
      int year, MassReports mass = MassReports::kIncluded,
      std::optional<long long> bureau_id = std::nullopt) override;
  std::vector<ReportFacts> ListReportFacts(int from_year, int to_year,
                                           const std::vector<std::string>& municipalities) override;
  std::vector<ReportFacts> ListYearFacts(int from_year, int to_year) override;
  void SaveNationalImports(const std::vector<NationalImport>& imports, long long staff_user_id,
                           long long now) override;
  std::vector<NationalImport> ListNationalImports(int year) override;
  bool DeleteNationalImport(const std::string& bureau_key, int year) override;
  std::vector<PopulationFigure> ListPopulation(int from_year, int to_year) override;
  void WritePopulation(const std::vector<PopulationFigure>& figures, long long user_id,
                       long long now) override;
  std::vector<RegisteredReport> ListBureauReports(long long bureau_id, int limit,
                                                  int offset) override;
  long long CountBureauReports(long long bureau_id) override;
  // Cases (soci_cases.cpp).
  bool ApplyCaseChange(const CaseChange& change, long long now) override;
  std::vector<bool> ApplyCaseChanges(const std::vector<CaseChange>& changes,
                                     long long now) override;
  bool ApplyCaseChangesTogether(const std::vector<CaseChange>& changes, long long now) override;
  std::optional<Mediation> GetMediation(long long report_id) override;
  std::optional<long long> PlannedMediationAt(long long report_id) override;
  std::vector<CaseEvent> ListCaseEvents(long long report_id) override;
  long long UnassignOpenCases(long long user_id, std::optional<long long> keep_bureau,
                              std::optional<long long> staff_user_id, const std::string& code,
                              long long now) override;
  std::vector<StaffUser> ListBureauStaff(long long bureau_id) override;
  // Letter templates and letterheads (soci_letter_templates.cpp).
  std::optional<StoredLetterTemplate> GetLetterTemplate(long long bureau_id,
                                                        const std::string& lang) override;
  void SaveLetterTemplate(long long bureau_id, const std::string& lang,
                          const StoredLetterTemplate& text, long long staff_user_id,
                          long long now) override;
  void DeleteLetterTemplate(long long bureau_id, const std::string& lang) override;
  Letterhead GetLetterhead(long long bureau_id) override;
  void SaveLetterhead(long long bureau_id, const Letterhead& letterhead, long long staff_user_id,
                      long long now) override;
  // Letters of a case (soci_case_letters.cpp).
  long long AddCaseLetter(const NewCaseLetter& letter, long long now) override;
  void DeleteCaseLetter(long long report_id, long long letter_id) override;
  std::vector<CaseLetter> ListCaseLetters(long long report_id) override;
  std::optional<CaseLetter> GetCaseLetter(long long report_id, long long letter_id) override;
  // "My cases" (soci_case_lists.cpp).
  std::vector<RegisteredReport> ListAssignedReports(long long bureau_id, long long user_id,
                                                    int limit, int offset) override;
  long long CountAssignedReports(long long bureau_id, long long user_id) override;
  // Work lists (soci_case_timelines.cpp) and search (soci_search.cpp).
  std::vector<CaseTimeline> ListOpenCaseTimelines(long long bureau_id,
                                                  std::optional<long long> assigned_to) override;
  ReportSearchResult SearchReports(const ReportSearch& search, int limit, int offset,
                                   int max_candidates) override;
  WorklistPage ListWorklist(const WorklistQuery& query) override;
  WorklistExport ExportWorklist(const WorklistQuery& query, int max_rows) override;
  // Code lists (soci_code_lists.cpp).
  CodeLists LoadCodeLists() override;
  std::optional<std::string> ChangeCodeLists(const CodeListEdit& edit, long long staff_user_id,
                                             long long now, int year) override;
  // Bureaus (soci_bureaus.cpp).
  std::optional<long long> AddBureau(const std::string& name, long long now) override;
  std::vector<Bureau> ListBureaus() override;
  bool AddToWorkingArea(long long bureau_id, const std::vector<std::string>& codes) override;
  bool MoveReport(long long report_id, long long bureau_id) override;
  void UseMunicipalities(const MunicipalityRegistry& registry) override;
  bool AddUser(const NewStaffUser& user, long long now) override;
  std::optional<StaffUser> FindUser(const std::string& email) override;
  // Staff users (soci_staff_users.cpp).
  std::vector<StaffUser> ListUsers(std::optional<long long> bureau_id) override;
  std::optional<StaffUser> GetUser(long long user_id) override;
  bool SetUserActive(long long user_id, bool active, long long now) override;
  bool ChangeUserRole(long long user_id, StaffRole role) override;
  bool ChangeUserBureau(long long user_id, long long bureau_id) override;
  // Saved filters of the list of reports (soci_saved_filters.cpp).
  std::vector<SavedFilter> ListSavedFilters(long long user_id) override;
  bool AddSavedFilter(long long user_id, const std::string& name, const std::string& query,
                      long long now, int max_per_user) override;
  bool DeleteSavedFilter(long long user_id, long long filter_id) override;
  // Staff sessions (soci_staff_sessions.cpp).
  long long StartSession(const std::string& token_hash, long long user_id, long long now,
                         const std::string& device) override;
  std::optional<StaffSession> UseSession(const std::string& token_hash, long long now,
                                         long long idle_since, long long started_since) override;
  void EndSession(const std::string& token_hash) override;
  std::vector<StaffSessionInfo> ListSessions(long long user_id, long long idle_since,
                                             long long started_since) override;
  bool EndSessionOf(long long user_id, long long session_id) override;
  int EndOtherSessions(long long user_id, long long keep_session_id) override;
  void MarkReauthenticated(long long session_id, long long now) override;
  // Second factor, pending logins, throttling (soci_staff_auth.cpp).
  std::optional<SecondFactor> GetSecondFactor(long long user_id) override;
  bool EnrolSecondFactor(long long user_id, const std::string& secret, long long step,
                         const std::vector<std::string>& recovery_code_hashes) override;
  bool UseTotpStep(long long user_id, long long step) override;
  bool UseRecoveryCode(long long user_id, const std::string& code_hash, long long now) override;
  int CountUnusedRecoveryCodes(long long user_id) override;
  bool ResetSecondFactor(long long user_id) override;
  void AddPendingLogin(const std::string& token_hash, const PendingLogin& login,
                       long long forget_before) override;
  std::optional<PendingLogin> GetPendingLogin(const std::string& token_hash,
                                              long long created_since) override;
  void EndPendingLogin(const std::string& token_hash) override;
  LoginThrottle GetLoginThrottle(const std::string& key) override;
  LoginThrottle RecordLoginFailure(const std::string& key, const LoginThrottlePolicy& policy,
                                   long long now) override;
  void ClearLoginFailures(const std::string& key) override;
  std::optional<std::vector<long long>> AddEvidence(long long report_id,
                                                    std::optional<long long> message_id,
                                                    const std::vector<EvidenceFile>& files,
                                                    long long now) override;
  std::vector<EvidenceInfo> ListEvidence(long long report_id) override;
  std::optional<EvidenceContent> GetEvidence(long long report_id, long long evidence_id) override;
  long long CountEvidence(long long report_id) override;
  std::map<long long, long long> CountEvidenceByReport(long long first_id,
                                                       long long last_id) override;
  // The audit log (soci_audit.cpp).
  using Store::Audit;
  void Audit(const AuditEntry& entry, long long now) override;
  long long CountAudit(const std::string& action) override;
  std::vector<AuditRecord> ListAudit(const AuditFilter& filter, int limit, int offset) override;
  long long CountAuditMatching(const AuditFilter& filter) override;
  AuditChainReport VerifyAuditChain() override;
  void AuditSystem(const std::string& action, const std::string& subject, long long now) override;
  // Staff intake (soci_intake.cpp).
  std::optional<ReportIntake> GetReportIntake(long long report_id) override;
  // Partner API keys (soci_partner_keys.cpp, issue 17).
  std::optional<long long> AddPartnerKey(const PartnerKey& key, const std::string& key_hash,
                                         long long now) override;
  std::vector<PartnerKey> ListPartnerKeys(long long bureau_id) override;
  std::optional<PartnerKey> FindPartnerKey(const std::string& key_hash) override;
  bool RevokePartnerKey(long long bureau_id, long long key_id, long long staff_user_id,
                        long long now) override;
  void TouchPartnerKey(long long key_id, long long now) override;
  long long RouteOf(const std::string& incident_municipality,
                    const std::string& residence_municipality) override;
  std::optional<PartnerReport> GetPartnerReport(long long report_id) override;
  bool EnqueueReporterMail(long long report_id, MailKind kind, const std::string& lang,
                           long long now) override;
  std::optional<OutboxMail> ClaimDueMail(long long now, long long lease_until) override;
  void MarkMailSent(long long id, long long now) override;
  void MarkMailFailed(long long id, long long now, const std::string& error) override;
  void RetryMail(long long id, long long next_attempt_at, const std::string& error) override;
  OutboxCounts CountOutbox() override;
  // Mass-report events (soci_mass_events.cpp, soci_mass_links.cpp, soci_mass_messages.cpp).
  std::optional<long long> AddMassEvent(const NewMassEvent& event, long long now) override;
  std::vector<MassEvent> ListMassEvents(long long bureau_id) override;
  std::vector<MassEvent> ListMassEventNames() override;
  std::optional<MassEvent> GetMassEvent(long long event_id, long long bureau_id) override;
  std::vector<MassLinkedReport> ListMassEventReports(long long event_id,
                                                     long long bureau_id) override;
  long long CountUnlinkedReports(const MassReportFilter& filter) override;
  std::vector<ParsedReference> FindUnlinkedReports(const MassReportFilter& filter,
                                                   int limit) override;
  MassLinkResult LinkReports(long long event_id, long long bureau_id,
                             const std::vector<ParsedReference>& references,
                             long long staff_user_id, long long now) override;
  long long UnlinkReports(long long event_id, long long bureau_id,
                          const std::vector<long long>& report_ids, long long staff_user_id,
                          long long now) override;
  MassMessageResult SendMassMessage(const MassMessage& message, long long now) override;
  std::vector<MassEventCount> CountMassReports(int year) override;
  // Follow-up (soci_store_follow_up.cpp).
  std::optional<long long> FindReportByReceipt(const std::string& receipt_hash) override;
  bool UpgradeReceiptHash(const std::string& old_hash, const std::string& new_hash) override;
  bool AnyLegacyReceiptHash() override;
  std::optional<RegisteredReport> GetReport(long long id) override;
  bool SetReportStatus(long long id, ReportStatus status, long long now) override;
  long long AddMessage(long long report_id, MessageAuthor author,
                       std::optional<long long> staff_user_id, const std::string& body,
                       long long now) override;
  std::vector<ThreadMessage> ListMessages(long long report_id) override;
  void AddFollowUpSession(const std::string& token_hash, long long report_id, long long now,
                          long long forget_before) override;
  std::optional<long long> UseFollowUpSession(const std::string& token_hash, long long now,
                                              long long idle_since,
                                              long long started_since) override;
  void EndFollowUpSession(const std::string& token_hash) override;
  // Bureau profiles (soci_bureau_profiles.cpp, issue 15).
  BureauProfile GetBureauProfile(long long bureau_id) override;
  void SaveBureauProfile(long long bureau_id, const BureauProfile& profile, long long staff_user_id,
                         long long now) override;
  void SaveBureauLogo(long long bureau_id, const std::string& png, long long staff_user_id,
                      long long now) override;
  std::vector<BureauFace> ListBureauFaces() override;
  // Bureau settings (soci_bureau_settings.cpp).
  std::map<std::string, std::string> ReadBureauSettings(long long bureau_id) override;
  void WriteBureauSettings(long long bureau_id, const std::map<std::string, std::string>& values,
                           long long now) override;
  // Retention and erasure (soci_anonymise.cpp).
  long long CountReportsToAnonymise(long long bureau_id, long long closed_before) override;
  long long AnonymiseClosedReports(long long bureau_id, long long closed_before,
                                   long long now) override;
  bool AnonymiseReport(long long report_id, long long now) override;
  // Correction and history (soci_report_changes.cpp).
  bool CorrectReport(long long report_id, const ReportCorrection& correction) override;
  std::vector<StatusChange> ListStatusChanges(long long report_id) override;
  // Tags (soci_tags.cpp).
  std::vector<CaseTag> ListTags(long long bureau_id, bool with_counts) override;
  std::optional<CaseTag> GetTag(long long bureau_id, long long tag_id) override;
  TagWrite AddTag(long long bureau_id, const std::string& name, long long now,
                  long long* id) override;
  TagWrite RenameTag(long long bureau_id, long long tag_id, const std::string& name) override;
  TagWrite SetTagRetired(long long bureau_id, long long tag_id, bool retired,
                         long long now) override;
  std::vector<CaseTag> ListCaseTags(long long bureau_id, long long report_id) override;
  std::map<long long, std::vector<CaseTag>> ListTagsOfCases(
      long long bureau_id, const std::vector<long long>& report_ids) override;

  // Duplicate hints and related cases (soci_duplicates.cpp).
  std::vector<DuplicateHint> FindDuplicateHints(long long bureau_id, long long report_id,
                                                int max_hints) override;
  std::vector<RelatedCase> ListRelatedCases(long long bureau_id, long long report_id) override;
  long long CountRelatedCases(long long report_id) override;
  bool RelateCases(const CaseChange& mine, const CaseChange& theirs, long long now) override;
  MatchKeyBackfill BackfillMatchKeys(int batch, long long after_id) override;
  // Standard replies (soci_standard_replies.cpp).
  std::vector<StandardReply> ListStandardReplies(long long bureau_id) override;
  std::optional<StandardReply> GetStandardReply(long long bureau_id, long long id) override;
  ReplyWrite AddStandardReply(const StandardReply& reply, long long now, long long* id) override;
  ReplyWrite UpdateStandardReply(const StandardReply& reply, long long now) override;
  ReplyWrite SetStandardReplyRetired(long long bureau_id, long long id, bool retired,
                                     long long now) override;
  std::string ReporterLanguage(long long report_id) override;

  int SchemaVersion();
  // For /metrics (soci_store_metrics.cpp).
  StoreStats Stats() override;
  OutboxBacklog CountOutboxBacklog() override;

 private:
  void Open(soci::session& sql) const;
  void Migrate(soci::session& sql);
  // Runs a write durably: through the write queue on SQLite, in a transaction on PostgreSQL.
  void Write(const std::function<void(soci::session&)>& work);
  // The contact e-mail address stored with a report, decrypted; nullopt when it has none.
  std::optional<std::string> ReporterEmail(long long report_id);
  // Evidence is encrypted before it reaches the write queue (soci_evidence.cpp).
  struct SealedEvidence {
    std::string filename_enc;
    std::string media_type;
    long long size = 0;
    long long original_size = 0;
    std::string original_sha256;
    std::string content_enc;
  };
  std::vector<SealedEvidence> SealEvidence(const std::vector<EvidenceFile>& files) const;
  std::vector<long long> InsertEvidence(soci::session& sql, long long report_id,
                                        std::optional<long long> message_id,
                                        const std::vector<SealedEvidence>& files,
                                        long long now) const;
  // One case change inside a write transaction (soci_cases.cpp); text_enc: the sealed text, or
  // empty for none.
  // The rows besides the report itself of a report AddReport registers closed (ClosingOnArrival):
  // the status change, its handlings, the history entry and the system audit entry.
  void WriteClosingOnArrival(soci::session& sql, const ClosingOnArrival& closing,
                             const RegisteredReport& stored, long long now) const;
  static bool ApplyCaseChangeIn(soci::session& sql, const CaseChange& change,
                                const std::string& text_enc, long long now);
  // Replaces the case's planned mediation inside that write (soci_mediations.cpp), with the place
  // and participants sealed beforehand.
  struct SealedMediation {
    long long planned_at = 0;
    std::string place_enc;
    std::string participants_enc;
  };
  SealedMediation SealMediation(const Mediation& mediation) const;
  static void SaveMediationIn(soci::session& sql, long long report_id,
                              const SealedMediation& mediation, long long now);
  // The timelines of the reports `where` selects (as `r`; a WHERE clause with numbers only),
  // with their deadlines' moments aggregated in the database (soci_case_timelines.cpp).
  static std::vector<CaseTimeline> ReadCaseTimelines(soci::session& sql, const std::string& where);
  // Next deadline and last activity (soci_case_due.cpp), inside a write: recomputes them on the
  // rows of these reports, of a bureau's open cases (its settings changed), or of every open
  // case (after migration 29).
  static void RefreshCaseDue(soci::session& sql, std::vector<long long> report_ids);
  static void RefreshBureauCaseDue(soci::session& sql, long long bureau_id);
  static void BackfillCaseDue(soci::session& sql);
  // Reports by id, in the order given, grounds from the row's ground_codes (soci_search.cpp).
  std::vector<RegisteredReport> ReadReportsInOrder(soci::session& sql,
                                                   const std::vector<long long>& ids) const;
  // last_activity_at = reported_at, for reports just inserted without any history.
  static void StampReceivedActivity(soci::session& sql, const std::vector<long long>& report_ids);
  // The bureau a new report goes to (soci_bureaus.cpp), inside the transaction that stores it.
  long long RouteReport(soci::session& sql, const std::string& incident_municipality,
                        const std::string& residence_municipality) const;
  // Today's code of a municipality for routing: the successor's, or the code itself.
  std::string TodayCode(const std::string& code) const;
  // Erases the personal data of a report (store/soci/personal_data.hpp) inside a write that marked
  // it anonymised; adds an audit record without a user when audit_action is not empty.
  void ErasePersonalData(soci::session& sql, long long report_id, const std::string& audit_action,
                         long long now) const;
  // Writes a chained audit entry inside a write (soci_audit.cpp); throws without the audit key.
  void AppendAudit(soci::session& sql, AuditEntry entry, long long now) const;
  void CheckAuditEntry(const AuditEntry& entry) const;
  // The columns ReadReport expects, in its order, for SELECTs in other files of the store.
  static const char* ReportColumns();
  // A report from a row of kReportColumns (soci_store.cpp), decrypted.
  RegisteredReport ReadReport(const soci::row& row) const;
  // Fills in the grounds (report_grounds) and handlings (report_handlings) of reports read with
  // ReadReport.
  void ReadGrounds(soci::session& sql, std::vector<RegisteredReport>& reports) const;

  // Duplicate hints (soci_duplicates.cpp): the keys of a report's personal data, made before the
  // write like its encryption, and written inside it: the rows of the kinds in `replace` go, then
  // every key in `keys` is added; with_signature: the text's signature is set too.
  static constexpr unsigned long long kMatchKeyPurpose = 3;  // DeriveKey from the data key
  static MatchKeys MakeMatchKeys(const std::optional<Key>& data_key);
  ReportMatchKeys MatchKeysOf(const std::string& description, const std::optional<Contact>& contact,
                              const std::vector<std::string>& other_parties) const;
  static void SaveMatchKeysIn(soci::session& sql, long long report_id, const ReportMatchKeys& keys,
                              const std::vector<MatchReason>& replace, bool with_signature);

  const DatabaseUrl url_;
  const Cipher& cipher() const;
  const std::optional<Cipher> cipher_;
  const std::optional<Key> audit_key_;
  const MatchKeys match_keys_;  // usable only with the data key (MatchKeysOf checks)  // chains the
                                // audit log (security/audit_chain.hpp)
  const long long worklist_count_cap_;   // rows a work list counts at most (soci_search.cpp)
  std::unique_ptr<ReaderPool> readers_;  // counts the leases that waited
  // SQLite only; declared before the writer, whose last commits may still call it.
  std::unique_ptr<WalCheckpointer> checkpointer_;
  std::unique_ptr<WriteQueue> writer_;         // SQLite only
  ReportChannelCounts registered_by_channel_;  // for /metrics
  metrics::Counter mail_given_up_;             // for /metrics
  // For routing by today's municipality; set once, before reports are added.
  std::shared_ptr<const MunicipalityRegistry> municipalities_;
};

}  // namespace meldpunt
