#pragma once
// The one storage interface the rest of meldpunt uses. Implementations encrypt personal data on
// the way in and decrypt it on the way out; classification and dates stay in clear for counting.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/follow_up.hpp"
#include "domain/report.hpp"

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
  std::string description;
  std::optional<Contact> contact;
  bool duplicate = false;  // AddReport found this submission already registered
  ReportStatus status = ReportStatus::kReceived;
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

struct MunicipalityCount {
  std::string code;  // CBS code or a special value (none / unknown)
  long long incident = 0;
  long long residence = 0;
};

struct StaffUser {
  long long id = 0;
  std::string email;
  std::string password_hash;
  std::string role;
};

struct StaffSession {
  long long user_id = 0;
  std::string email;
  std::string role;
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
  // Counts per municipality, as incident place and as residence, for reports made in a year.
  virtual std::vector<MunicipalityCount> CountByMunicipality(int year) = 0;

  // Returns false when the e-mail address is taken.
  virtual bool AddUser(const std::string& email, const std::string& password_hash,
                       const std::string& role, long long now) = 0;
  virtual std::optional<StaffUser> FindUser(const std::string& email) = 0;

  virtual void AddSession(const std::string& token_hash, long long user_id, long long now) = 0;
  // Returns the session's user when it exists and was used after idle_since; marks it used now.
  virtual std::optional<StaffSession> UseSession(const std::string& token_hash, long long now,
                                                 long long idle_since) = 0;
  virtual void EndSession(const std::string& token_hash) = 0;

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
};

}  // namespace meldpunt
