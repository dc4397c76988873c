#pragma once
// Lists of cases for staff: "my cases", the work lists with their deadlines' moments, and search.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_protocol.hpp"
#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "store/store_types.hpp"

namespace meldpunt {
// Stored for "no next deadline" (31 December 9999, 23:59:59 UTC; see store/case_due.hpp).
inline constexpr long long kNoDueAt = 253402300799;
}  // namespace meldpunt

namespace meldpunt {

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
  // Next deadline (issue 14): the bureau the case is with, and the dates staff planned on it
  // (store/case_due.hpp counts them with the norms' deadlines).
  long long bureau_id = 0;
  std::optional<long long> follow_up_due_at;  // the open follow-up date (opvolgdatum), if any
  // The planned mediation (bemiddeling, case_mediations), and the first history entry recorded
  // after its moment: the next step that marks it done (docs/design.md).
  std::optional<long long> mediation_at;
  std::optional<long long> mediation_followed_at;
};

// A search over one bureau's reports (zoeken). Every filter that is set must hold; the free
// text is matched after decryption (domain/cases/text_search.hpp), the rest in SQL.
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
  std::optional<bool> complaint = {};    // klacht (true) or melding only (false)
  std::string channel = {};              // how it came in (kanaal); empty: any
  std::optional<long long> tag_id = {};  // carries this tag (label) of the bureau
  // Already folded with FoldForSearch; looked for in the description, the contact's name,
  // e-mail address and phone number, and the case's notes. Empty: no free text.
  std::string folded_text = {};
  // The list of reports (issue 14): the next deadline (reports.next_due_at, store/case_due.hpp)
  // from due_from (inclusive) to due_until (exclusive), Unix seconds; and the reports linked to
  // one mass-report event (massamelding).
  std::optional<long long> due_from = {};
  std::optional<long long> due_until = {};
  std::optional<long long> mass_event_id = {};
};

struct ReportSearchResult {
  std::vector<RegisteredReport> reports;  // the page asked for, newest first, decrypted
  long long total = 0;                    // matches in all
  // With free text only the newest max_candidates reports that pass the other filters are
  // decrypted and matched; true when there were more.
  bool capped = false;
};

// The order of a work list: by the moment a report was received (reported_at), or by its
// reference (MP-2026-000042: the year it was received, reported_year, then its number, the id).
// Ties are broken by id, so every row has a key of its own and keyset paging neither skips nor
// repeats a row. Issue 14: by next deadline (reports.next_due_at; kNoDueAt for none, so those
// come last soonest-first) or by last activity (reports.last_activity_at).
enum class WorklistOrder { kReceived, kReference, kNextDue, kLastActivity };

// Where a page of a work list starts or ends: a row's reported_at (kReceived), reported_year
// (kReference), next_due_at (kNextDue) or last_activity_at (kLastActivity), and its id.
struct WorklistKey {
  long long value = 0;
  long long id = 0;
  bool operator==(const WorklistKey&) const = default;
};

// One page of a bureau's reports (the list at /medewerkers/meldingen), paged by key, not by
// offset: `after` asks for the rows that follow that key in the order, `before` for those that
// precede it (the page before); neither, the first page.
struct WorklistQuery {
  ReportSearch filter;  // folded_text must be empty: no free text here
  WorklistOrder order = WorklistOrder::kReceived;
  bool ascending = false;  // false: newest (or highest number) first
  std::optional<WorklistKey> after = {};
  std::optional<WorklistKey> before = {};  // ignored when after is set
  int limit = 100;
};

// How many rows a work list counts at most, for "1–100 of N" and for the page's position: on
// 1,000,000 reports an exact count reads every index entry of the bureau on every page (about
// 80 ms on PostgreSQL). Beyond it the page says "more than 10,000" (issue 14).
inline constexpr long long kWorklistCountCap = 10'000;

struct WorklistPage {
  std::vector<RegisteredReport> reports;  // in the order asked, decrypted
  // Rows that pass the filter, counted up to the store's cap: when total_capped, there are
  // more than `total` (which is then the cap).
  long long total = 0;
  bool total_capped = false;
  // Rows that pass the filter and come before the first one shown, counted the same way.
  long long preceding = 0;
  bool preceding_capped = false;
  bool more_after = false;  // there are rows after the last one shown
};

// The list as a file (issue 14): its first rows in the order asked, with how many pass the
// filter in all. Grounds come from the row's ground_codes.
struct WorklistExport {
  std::vector<RegisteredReport> reports;  // decrypted
  long long total = 0;
};

// The key of a report in a work list's order.
inline WorklistKey WorklistKeyOf(const RegisteredReport& report, WorklistOrder order) {
  switch (order) {
    case WorklistOrder::kReference:
      return {DutchYearOf(report.reported_at), report.id};
    case WorklistOrder::kNextDue:
      return {report.next_due_at.value_or(kNoDueAt), report.id};
    case WorklistOrder::kLastActivity:
      return {report.last_activity_at, report.id};
    case WorklistOrder::kReceived:
      break;
  }
  return {report.reported_at, report.id};
}

class CaseListStore {
 public:
  virtual ~CaseListStore() = default;

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
  // The work list of a bureau (soci_search.cpp): one page of the reports that pass the filter,
  // in the order asked, found through the index on (bureau_id, reported_at, id) or on
  // (bureau_id, reported_year, id), with how many pass in all and how many come before the page.
  virtual WorklistPage ListWorklist(const WorklistQuery& query) = 0;
  // The first max_rows rows of the same list, in its order (after, before and limit are not
  // used), read in chunks of 500 ids; for the CSV export (soci_search.cpp).
  virtual WorklistExport ExportWorklist(const WorklistQuery& query, int max_rows) = 0;
};

}  // namespace meldpunt
