#pragma once
// Reports: registering them (one at a time, by staff intake or in bulk), reading one back, its
// status, and the plain lists of an installation or a bureau.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/reports/follow_up.hpp"
#include "domain/reports/report.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// A report closed as it is registered, in the same transaction (a report that asks for
// registration only: web/intake/registration_only.hpp): one write per submission instead of
// three (issue 16). It goes in closed, with the rows a closing by ApplyCaseChange leaves (step and
// status closed, its handlings and outcome, the status change, a history entry kClosed without a
// staff member) and a system audit entry naming it; a store test compares the two.
struct ClosingOnArrival {
  std::vector<std::string> handlings;  // afhandeling
  std::string outcome;
  std::string detail;        // of the history entry
  std::string audit_action;  // a system entry (no staff member) naming the report
};

// A report registered in bulk (AddReportBatch; demo data for test installations), with its case
// as it stands: open (received), or closed with handling codes and an outcome.
struct BatchReport {
  // received_at: when it was reported; else the batch's now. receipt_hash: stored when set.
  NewReport report;
  long long bureau_id = 0;                 // 0: routed as AddReport routes it
  std::optional<long long> mass_event_id;  // linked to this mass event (of any bureau)
  std::vector<std::string> handlings;      // afhandeling; with outcome and closed_at: closed
  std::string outcome;
  std::optional<long long> closed_at;  // set: the case is closed
};

// Who registered a report that came in through staff (intake): by phone, e-mail, letter...
struct ReportIntake {
  long long staff_user_id = 0;
  std::string staff_email;
  long long registered_at = 0;  // Unix seconds; reported_at may be an earlier day
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // Registers a report durably; returns its id and reference only after the commit. A report
  // whose submission key was registered before is not stored again: the earlier one is returned.
  // Its reported_at is NewReport::received_at when set, else now. With a closing, a new report
  // is closed in the same transaction (RegisteredReport::closed_on_arrival); a resent one is not.
  virtual RegisteredReport AddReport(const NewReport& report, long long now,
                                     const ClosingOnArrival* closing = nullptr) = 0;
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
  // One report, decrypted, with its status; nullopt when there is no such report.
  virtual std::optional<RegisteredReport> GetReport(long long id) = 0;
  // Returns false when there is no such report. This is the one place a status changes: closing
  // sets closed_at to now (the start of the retention period), any other status clears it, and
  // every change is kept in the report's status history (ListStatusChanges).
  virtual bool SetReportStatus(long long id, ReportStatus status, long long now) = 0;
  // Staff intake (soci_intake.cpp). AddReport records who registered a report when
  // NewReport::registered_by is set; this reads it back. nullopt for a report from the public
  // form.
  virtual std::optional<ReportIntake> GetReportIntake(long long report_id) = 0;
};

}  // namespace meldpunt
