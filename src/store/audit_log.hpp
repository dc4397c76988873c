#pragma once
// The audit log (inzage- en wijzigingslog): who read, searched, changed, exported or printed
// what, and when. Entries are append-only in the database and chained with a keyed hash (see
// security/audit_chain.hpp), so a change made outside meldpunt shows up in `meldpunt audit verify`.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meldpunt {

// One entry to write. The detail holds references and codes only (MP-2026-000042, a status
// code, a number of reports), never a reporter's personal data: the log is shown to bureau admins
// and exported, and it is kept after a report has been anonymised. Without a case, a detail that
// begins with a case's reference names the case; without a bureau, the entry is on the record of
// the case's bureau, else of the staff member's (so entries in the older form land right too).
struct AuditEntry {
  std::optional<long long> user_id;    // none: meldpunt did it by itself, by a rule
  std::string action;                  // see domain/audit_query.hpp for the known actions
  std::optional<long long> report_id;  // the case it concerns
  std::optional<long long> bureau_id;  // the bureau whose log it belongs to (see AuditFilter)
  std::string detail;
  // A listing of reports (list_reports) showed every report of the bureau with a number from
  // listed_from to listed_to, so "who saw this case" can find it.
  std::optional<long long> listed_from;
  std::optional<long long> listed_to;
  // The ids of the cases a list view showed (issue 14), kept in the entry (listed_ids, encoded by
  // domain/audit_listing.hpp) and indexed per case, staff member and day for "who saw this case".
  std::vector<long long> listed_ids;

  // An entry about one case, on the record of the bureau named (usually the case's own).
  static AuditEntry ForCase(long long user_id, std::string action, long long report_id,
                            long long bureau_id, std::string detail) {
    AuditEntry entry = ForBureau(user_id, std::move(action), bureau_id, std::move(detail));
    entry.report_id = report_id;
    return entry;
  }
  // An entry about no one case, on a bureau's record (none: a system admin's own work).
  static AuditEntry ForBureau(long long user_id, std::string action,
                              std::optional<long long> bureau_id, std::string detail) {
    AuditEntry entry = BySystem(std::move(action), std::move(detail));
    entry.user_id = user_id;
    entry.bureau_id = bureau_id;
    return entry;
  }
  // An entry for what meldpunt did by itself (no staff member).
  static AuditEntry BySystem(std::string action, std::string detail) {
    AuditEntry entry;
    entry.action = std::move(action);
    entry.detail = std::move(detail);
    return entry;
  }
};

// A stored entry, as the admin's log shows it.
struct AuditRecord {
  long long id = 0;
  long long at = 0;        // Unix seconds
  long long user_id = 0;   // 0: meldpunt did it by itself
  std::string user_email;  // empty for meldpunt itself
  std::string action;
  std::optional<long long> report_id;
  std::string report_reference;  // empty when there is no report or it no longer exists
  std::optional<long long> bureau_id;
  std::string detail;
};

// Which entries to show. A bureau's log holds the entries about the bureau (bureau_id) and
// everything its own staff did, including attempts on other bureaus' cases.
struct AuditFilter {
  long long bureau_id = 0;
  std::optional<long long> report_id;  // entries about this case, and listings that showed it
  // With report_id: the year in the case's reference; a reference whose year is not the case's
  // matches nothing (unless the case is gone, when the year cannot be checked).
  std::optional<int> report_year;
  std::string staff_email;            // empty: everyone
  std::string action;                 // empty: every action
  std::optional<long long> from;      // at >= from (Unix seconds)
  std::optional<long long> until;     // at < until
  std::optional<long long> up_to_id;  // id <= up_to_id
};

// What `meldpunt audit verify` found.
struct AuditChainReport {
  bool intact = true;
  long long chained = 0;  // entries checked against the chain
  long long legacy = 0;   // entries from before the chain existed (migration 11), not chained
  std::optional<long long> broken_id;  // the first entry that does not fit, when one does not
  std::string problem;                 // why, in English, for the operator
};

}  // namespace meldpunt
