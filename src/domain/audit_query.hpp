#pragma once
// What a bureau admin may ask of the audit log (inzagelog): the known actions, and the filters as
// typed (case reference, staff member, action, dates), checked one by one.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace meldpunt {

// Every action meldpunt writes to the audit log. A new action is added here, so that an admin
// can choose it in the filter, and given a label in web/admin/staff_audit_handlers.cpp.
inline constexpr std::array<std::string_view, 72> kAuditActions = {
    "login", "login.deactivated", "user.add", "user.enrol_2fa", "user.reset_2fa", "user.deactivate",
    "user.reactivate", "user.role", "reauth", "session.end", "session.end_others", "list_reports",
    "export_reports",  // the list as CSV (issue 14)
    "search", "deadlines.read", "report.read", "report.register", "report.classify",
    "report.status", "report.closed.registration_only", "report.message", "download_evidence",
    "report.export", "report.correct", "report.erase", "report.anonymise", "report.move",
    "case.step", "case.close", "case.action", "case.consent", "case.contact", "case.note",
    "case.follow_up",  // a follow-up date set or done (issue 14)
    "case.assign", "case.tag", "case.referral", "case.own_initiative", "mass.add", "mass.read",
    "mass.link", "mass.unlink", "mass.message", "mass.close", "letter.read", "letter.print",
    "letter.send", "letter.reply", "letter_template.update", "access.denied", "bureau.add",
    "bureau.area", "bureau.settings", "code_list.add", "code_list.retire", "tag.add", "tag.rename",
    "tag.retire", "tag.restore", "audit.read", "audit.export", "figures.read", "demo_data.generate",
    "national.export", "national.import", "national.delete", "population.update", "figures.archive",
    // The partner intake API (issue 17).
    "partner_key.create", "partner_key.revoke", "partner_key.refused", "partner_api.report"};

bool IsAuditAction(std::string_view action);

// The filters as typed in the form (query parameters).
struct AuditQueryInput {
  std::string reference;    // melding: MP-2026-000042
  std::string staff_email;  // medewerker
  std::string action;       // actie
  std::string from;         // van: YYYY-MM-DD, a Dutch calendar day, inclusive
  std::string to;           // tot: YYYY-MM-DD, inclusive
  std::string page;         // pagina: 1, 2, ...
  std::string up_to;        // tot_regel: the newest entry when paging began
};

enum class AuditQueryProblem {
  kReference,      // not MP-YYYY-NNNNNN
  kStaffEmail,     // not an e-mail address
  kAction,         // not a known action
  kDate,           // not a date
  kRangeReversed,  // the end date is before the start date
};

struct AuditQueryError {
  std::string field;  // the input's name: reference, staff_email, action, from, to
  AuditQueryProblem problem;
};

struct AuditQuery {
  std::optional<long long> report_id;
  std::optional<int> report_year;
  std::string staff_email;
  std::string action;
  std::optional<long long> from;   // Unix seconds: the start of the first day in Dutch time
  std::optional<long long> until;  // Unix seconds: the start of the day after the last day
  int page = 1;
  // Paging runs over the entries up to this one, so that entries written meanwhile (viewing the
  // log writes one) do not shift the pages.
  std::optional<long long> up_to_id;
  bool Filtered() const {
    return report_id || !staff_email.empty() || !action.empty() || from || until;
  }
};

inline constexpr int kMaxAuditPage = 100000;

// The query, or the problems with what was typed (every field is checked, not just the first).
// An unusable page number is page 1; an unusable tot_regel is none.
struct ParsedAuditQuery {
  AuditQuery query;
  std::vector<AuditQueryError> errors;
};
ParsedAuditQuery ParseAuditQuery(const AuditQueryInput& input);

// The first second of a calendar day in the Netherlands (CET/CEST), as Unix seconds.
long long DutchDayStart(Date day);

}  // namespace meldpunt
