#pragma once
// Privacy: erasing personal data (retention and the reporter's request), correcting a report,
// and the status history for the reporter's access request.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <vector>

#include "domain/cases/correction.hpp"
#include "domain/reports/follow_up.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// A change of a report's status (status van de melding), for the reporter's access request.
struct StatusChange {
  long long at = 0;  // Unix seconds
  ReportStatus status = ReportStatus::kReceived;
};

class PrivacyStore {
 public:
  virtual ~PrivacyStore() = default;

  // Retention and erasure (soci_anonymise.cpp). What "anonymise" erases is listed in one place,
  // store/soci/personal_data.hpp; everything else of a report stays, so it keeps counting.
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
