#pragma once
// The Store on SOCI, for SQLite (one queued writer, pooled readers) and PostgreSQL (a pool).
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "security/crypto.hpp"
#include "store/database_url.hpp"
#include "store/store.hpp"

namespace soci {
class connection_pool;
class row;
class session;
}  // namespace soci

namespace meldpunt {

class WriteQueue;

class SociStore final : public Store {
 public:
  // Connects, applies pending migrations, and gets ready to serve.
  // Without a data key the store serves everything but the encrypted fields of reports.
  SociStore(const DatabaseUrl& url, std::optional<Key> data_key, size_t pool_size);
  ~SociStore() override;

  bool Ping() override;
  RegisteredReport AddReport(const NewReport& report, long long now) override;
  std::vector<RegisteredReport> ListReports(int limit, int offset) override;
  long long CountReports() override;
  std::vector<MunicipalityCount> CountByMunicipality(int year) override;
  bool AddUser(const std::string& email, const std::string& password_hash, const std::string& role,
               long long now) override;
  std::optional<StaffUser> FindUser(const std::string& email) override;
  void AddSession(const std::string& token_hash, long long user_id, long long now) override;
  std::optional<StaffSession> UseSession(const std::string& token_hash, long long now,
                                         long long idle_since) override;
  void EndSession(const std::string& token_hash) override;
  void Audit(long long user_id, const std::string& action, const std::string& subject,
             long long now) override;
  long long CountAudit(const std::string& action) override;
  // Follow-up (soci_store_follow_up.cpp).
  std::optional<long long> FindReportByReceipt(const std::string& receipt_hash) override;
  std::optional<RegisteredReport> GetReport(long long id) override;
  bool SetReportStatus(long long id, ReportStatus status) override;
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

  int SchemaVersion();

 private:
  void Open(soci::session& sql) const;
  void Migrate(soci::session& sql);
  // Runs a write durably: through the write queue on SQLite, in a transaction on PostgreSQL.
  void Write(const std::function<void(soci::session&)>& work);
  // A report from a row of kReportColumns (soci_store.cpp), decrypted.
  RegisteredReport ReadReport(const soci::row& row) const;

  const DatabaseUrl url_;
  const Cipher& cipher() const;
  const std::optional<Cipher> cipher_;
  std::unique_ptr<soci::connection_pool> readers_;
  std::unique_ptr<WriteQueue> writer_;  // SQLite only
};

}  // namespace meldpunt
