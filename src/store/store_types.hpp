#pragma once
// What every store interface shares: its errors and a registered report as read back.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/cases/case_protocol.hpp"
#include "domain/reports/follow_up.hpp"
#include "domain/reports/report.hpp"

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
  bool duplicate = false;          // AddReport found this submission already registered
  bool closed_on_arrival = false;  // AddReport closed it too (ClosingOnArrival)
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
  // Kept on the row by every write to the case (store/case_due.hpp, issue 14): the earliest
  // deadline not met yet (none: closed, or nothing due), and the last entry in its history.
  std::optional<long long> next_due_at;
  long long last_activity_at = 0;
  // The public site's language the report was made in ("tr", issue 15); empty: not known.
  std::string site_language;
};

}  // namespace meldpunt
