#pragma once
// Mass-report events (massameldingen): events, linking reports to them, and bulk answers.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_protocol.hpp"
#include "domain/reports/reference.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

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

class MassEventStore {
 public:
  virtual ~MassEventStore() = default;

  // Mass-report events (massameldingen; soci_mass_*.cpp). An event belongs to the installation:
  // every bureau sees it, and each bureau reads, links, unlinks, answers and closes only its own
  // reports on it (`bureau_id` below is the reader's bureau). Returns nullopt when any bureau has
  // an event of that name already (one burst, one event).
  virtual std::optional<long long> AddMassEvent(const NewMassEvent& event, long long now) = 0;
  // Every event, newest first, with the counts as bureau_id reads them (see MassEvent).
  virtual std::vector<MassEvent> ListMassEvents(long long bureau_id) = 0;
  virtual std::optional<MassEvent> GetMassEvent(long long event_id, long long bureau_id) = 0;
  // Every event's id and name only (the counts left 0), newest first: the choices of the list of
  // reports' massa filter, read on every page of it (issue 14).
  virtual std::vector<MassEvent> ListMassEventNames() = 0;
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
};

}  // namespace meldpunt
