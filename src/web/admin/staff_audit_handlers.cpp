#include "web/admin/staff_audit_handlers.hpp"

#include <array>
#include <boost/url.hpp>
#include <chrono>
#include <cstdio>

#include "domain/audit_query.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/reference.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/csv.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"

namespace meldpunt::web {
namespace {

constexpr int kAuditPageSize = 50;
// An export is one response held in memory: about 10 MB at most.
constexpr long long kMaxExportEntries = 50000;

struct ActionLabel {
  std::string_view code;
  const char* label;
};
// In the order of kAuditActions.
constexpr std::array<ActionLabel, kAuditActions.size()> kActionLabels = {{
    {"login", N_("Logged in")},
    {"login.deactivated", N_("Tried to log in to a deactivated account")},
    {"user.add", N_("Added a staff account")},
    {"user.enrol_2fa", N_("Set up a second factor")},
    {"user.reset_2fa", N_("Reset a colleague's second factor")},
    {"user.deactivate", N_("Deactivated a staff account")},
    {"user.reactivate", N_("Reactivated a staff account")},
    {"user.role", N_("Changed the role of a staff account")},
    {"reauth", N_("Confirmed their password again")},
    {"session.end", N_("Ended a session")},
    {"session.end_others", N_("Ended their other sessions")},
    {"list_reports", N_("Viewed the list of reports")},
    {"export_reports", N_("Exported the list of reports")},
    {"search", N_("Searched reports")},
    {"deadlines.read", N_("Viewed the deadlines")},
    {"report.read", N_("Opened a case")},
    {"report.register", N_("Registered a report")},
    {"report.classify", N_("Classified a case")},
    {"report.status", N_("Changed the status")},
    {"report.closed.registration_only", N_("Closed: registration only")},
    {"report.message", N_("Wrote to the reporter")},
    {"download_evidence", N_("Downloaded a file")},
    {"report.export", N_("Exported a case for an access request")},
    {"report.correct", N_("Corrected personal data")},
    {"report.erase", N_("Erased personal data")},
    {"report.anonymise", N_("Anonymised after the retention period")},
    {"report.move", N_("Handed a case over")},
    {"case.step", N_("Moved a case to another step")},
    {"case.close", N_("Closed a case")},
    {"case.action", N_("Recorded an action")},
    {"case.consent", N_("Recorded consent")},
    {"case.contact", N_("Recorded contact")},
    {"case.note", N_("Wrote a note")},
    {"case.follow_up", N_("Set or completed a follow-up date")},
    {"case.assign", N_("Assigned a case")},
    {"case.tag", N_("Put a tag on a case or took it off")},
    {"case.referral", N_("Recorded a referral")},
    {"case.own_initiative", N_("Marked a case as own initiative or ended it")},
    {"mass.add", N_("Added a mass-report event")},
    {"mass.read", N_("Viewed a mass-report event")},
    {"mass.link", N_("Linked reports to an event")},
    {"mass.unlink", N_("Unlinked reports from an event")},
    {"mass.message", N_("Answered an event's reports")},
    {"mass.close", N_("Closed an event's reports")},
    {"letter.read", N_("Viewed a case's letters")},
    {"letter.print", N_("Printed a letter")},
    {"letter.send", N_("Sent a letter to the other party")},
    {"letter.reply", N_("Recorded a reply to a letter")},
    {"letter_template.update", N_("Changed the letter templates")},
    {"access.denied", N_("Was refused access")},
    {"bureau.add", N_("Added a bureau")},
    {"bureau.area", N_("Changed a working area")},
    {"bureau.settings", N_("Changed the bureau's settings")},
    {"code_list.add", N_("Added a code to a code list")},
    {"code_list.retire", N_("Retired a code")},
    {"tag.add", N_("Added a tag")},
    {"tag.rename", N_("Renamed a tag")},
    {"tag.retire", N_("Retired a tag")},
    {"tag.restore", N_("Took a tag back into use")},
    {"audit.read", N_("Viewed the audit log")},
    {"audit.export", N_("Exported the audit log")},
    {"figures.read", N_("Viewed a municipal report")},
    {"demo_data.generate", N_("Generated demo reports")},
    {"national.export", N_("Downloaded the national file")},
    {"national.import", N_("Imported another installation's national file")},
    {"national.delete", N_("Deleted an imported national file")},
    {"population.update", N_("Entered population figures")},
    {"figures.archive", N_("Downloaded the municipal reports of a working area")},
    {"partner_key.create", N_("Made an API key for a partner")},
    {"partner_key.revoke", N_("Revoked a partner's API key")},
    {"partner_key.refused", N_("A revoked API key was refused")},
    {"partner_api.report", N_("A partner sent a report through the API")},
}};

constexpr bool LabelsFollowActions() {
  for (size_t i = 0; i < kAuditActions.size(); ++i) {
    if (kActionLabels[i].code != kAuditActions[i]) return false;
  }
  return true;
}
static_assert(LabelsFollowActions(), "every audit action has a label, in the same order");

std::string ActionText(const AppContext& app, Lang lang, const std::string& code) {
  for (const auto& label : kActionLabels) {
    if (label.code == code) return app.translator.Get(lang, label.label);
  }
  return code;  // an action this version does not know: its code says what it is
}

AuditQueryInput InputOf(const http::Request& request) {
  return AuditQueryInput{request.QueryParam("melding"),  request.QueryParam("medewerker"),
                         request.QueryParam("actie"),    request.QueryParam("van"),
                         request.QueryParam("tot"),      request.QueryParam("pagina"),
                         request.QueryParam("tot_regel")};
}

// path?melding=…&… with the filters as typed (empty ones left out), and a page when not the first,
// counted over the entries up to up_to.
std::string LinkWith(std::string_view path, const AuditQueryInput& input, int page = 1,
                     std::optional<long long> up_to = std::nullopt) {
  boost::urls::url url(path);
  auto add = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) url.params().append({name, value});
  };
  add("melding", input.reference);
  add("medewerker", input.staff_email);
  add("actie", input.action);
  add("van", input.from);
  add("tot", input.to);
  if (page > 1) add("pagina", std::to_string(page));
  if (up_to) add("tot_regel", std::to_string(*up_to));
  return std::string(url.buffer());
}

std::string ErrorText(const AppContext& app, Lang lang, const AuditQueryError& error) {
  switch (error.problem) {
    case AuditQueryProblem::kReference:
      return app.translator.Get(lang, N_("Give a case reference such as MP-2026-000042."));
    case AuditQueryProblem::kStaffEmail:
      return app.translator.Get(
          lang, N_("Give the staff member's e-mail address, such as name@example.nl."));
    case AuditQueryProblem::kAction:
      return app.translator.Get(lang, N_("Choose an action from the list."));
    case AuditQueryProblem::kDate:
      return error.field == "from"
                 ? app.translator.Get(lang, N_("Give the first day as YYYY-MM-DD, such as "
                                               "2026-03-31."))
                 : app.translator.Get(lang, N_("Give the last day as YYYY-MM-DD, such as "
                                               "2026-03-31."));
    case AuditQueryProblem::kRangeReversed:
      return app.translator.Get(lang, N_("The last day is before the first day."));
  }
  return {};
}

AuditFilter FilterFor(long long bureau_id, const AuditQuery& query) {
  return AuditFilter{.bureau_id = bureau_id,
                     .report_id = query.report_id,
                     .report_year = query.report_year,
                     .staff_email = query.staff_email,
                     .action = query.action,
                     .from = query.from,
                     .until = query.until,
                     .up_to_id = query.up_to_id};
}

// What was asked, for the audit entry of the viewing itself: references and codes only.
std::string DescribeQuery(const AuditQueryInput& input, const AuditQuery& query) {
  std::string text;
  auto add = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    if (!text.empty()) text += "; ";
    text += std::string(name) + " " + value;
  };
  if (query.report_id) add("case", FormatReference(*query.report_year, *query.report_id));
  add("staff", query.staff_email);
  add("action", query.action);
  if (query.from) add("from", input.from);
  if (query.until) add("to", input.to);
  return text.empty() ? "no filter" : text;
}

// Looking at the log of one case is also on that case's record.
AuditEntry AboutQuery(AuditEntry entry, const AuditQuery& query) {
  entry.report_id = query.report_id;
  return entry;
}

// "2026-03-31 14:05:09" in Dutch time. The offsets are whole hours, so the seconds are UTC's.
std::string DutchTimeWithSeconds(long long at) {
  char seconds[4];
  std::snprintf(seconds, sizeof seconds, ":%02lld", ((at % 60) + 60) % 60);
  return FormatDutchDateTime(at) + seconds;
}

// "2026-03-31T12:05:09Z"
std::string UtcIsoTime(long long at) {
  using namespace std::chrono;
  sys_seconds t{seconds{at}};
  auto day = floor<days>(t);
  hh_mm_ss time{t - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ",
                FormatIsoDate(year_month_day{day}).c_str(), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

// Who did it: the staff member, or meldpunt itself (retention, closing by a rule).
std::string StaffText(const AppContext& app, Lang lang, const AuditRecord& record) {
  if (record.user_id == 0) return app.translator.Get(lang, N_("meldpunt (automatic)"));
  return record.user_email;
}

std::string CaseText(const AuditRecord& record) {
  if (!record.report_reference.empty()) return record.report_reference;
  if (!record.report_id) return "";
  // The case is gone: its number is all that is left. (Appended, not "#" + …: GCC 12 warns.)
  std::string number = "#";
  number += std::to_string(*record.report_id);
  return number;
}

http::Response LogPage(const AppContext& app, const http::Request& request,
                       const StaffSession& staff, const AuditQueryInput& input,
                       const ParsedAuditQuery& parsed, int status,
                       const std::string& export_problem = "") {
  Lang lang = LangOf(request);
  const AuditQuery& query = parsed.query;
  TemplateData data;
  data.set("reference", input.reference);
  data.set("staff_email", input.staff_email);
  data.set("from", input.from);
  data.set("to", input.to);
  kainjow::mustache::list actions;
  for (const auto& label : kActionLabels) {
    TemplateData option;
    option.set("value", std::string(label.code));
    option.set("label", app.translator.Get(lang, label.label));
    option.set("selected", Bool(label.code == input.action));
    actions.push_back(option);
  }
  data.set("actions", actions);
  kainjow::mustache::list errors;
  for (const auto& error : parsed.errors) {
    TemplateData item;
    item.set("field", error.field);
    item.set("message", ErrorText(app, lang, error));
    errors.push_back(item);
    data.set(error.field + "_error", ErrorText(app, lang, error));
  }
  data.set("errors", errors);
  data.set("has_errors", Bool(!parsed.errors.empty()));
  if (!export_problem.empty()) data.set("export_problem", export_problem);
  data.set("filtered", Bool(query.Filtered()));
  data.set("clear_url", std::string(kAuditLogPath));

  if (parsed.errors.empty()) {
    AuditFilter filter = FilterFor(*staff.bureau_id, query);
    // Viewing the log is itself on the record, before anything is shown.
    app.audit.Audit(AboutQuery(AuditEntry::ForBureau(staff.user_id, "audit.read", staff.bureau_id,
                                                     "page " + std::to_string(query.page) + "; " +
                                                         DescribeQuery(input, query)),
                               query),
                    app.now());
    long long total = app.audit.CountAuditMatching(filter);
    int offset = (query.page - 1) * kAuditPageSize;
    auto records = app.audit.ListAudit(filter, kAuditPageSize, offset);
    kainjow::mustache::list rows;
    for (const auto& record : records) {
      TemplateData row;
      row.set("id", std::to_string(record.id));
      row.set("time", DutchTimeWithSeconds(record.at));
      row.set("iso_time", UtcIsoTime(record.at));
      row.set("staff", StaffText(app, lang, record));
      row.set("action", record.action);
      row.set("action_label", ActionText(app, lang, record.action));
      row.set("case", CaseText(record));
      if (!record.report_reference.empty()) {
        AuditQueryInput only_case;
        only_case.reference = record.report_reference;
        row.set("case_url", LinkWith(kAuditLogPath, only_case));
      }
      row.set("detail", record.detail);
      rows.push_back(row);
    }
    long long pages = std::max<long long>(1, (total + kAuditPageSize - 1) / kAuditPageSize);
    data.set("entries", rows);
    data.set("has_entries", Bool(!records.empty()));
    data.set("total", std::to_string(total));
    data.set("page", std::to_string(query.page));
    data.set("pages", std::to_string(pages));
    // The pages stay put while the log grows: they run over the entries up to the newest one
    // that was there when paging began.
    std::optional<long long> up_to = query.up_to_id;
    if (!up_to && query.page == 1 && !records.empty()) up_to = records.front().id;
    if (query.page > 1)
      data.set("newer_url", LinkWith(kAuditLogPath, input, query.page - 1, up_to));
    if (query.page < pages)
      data.set("older_url", LinkWith(kAuditLogPath, input, query.page + 1, up_to));
    data.set("csv_url", LinkWith(kAuditLogCsvPath, input));
    data.set("shown", Bool(true));
  }
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_audit", N_("Audit log"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

// The CSV file. An export leaves meldpunt: the password and second factor are asked again first
// (re-authentication); `ask_recent_auth` for the page's ?formaat=csv, as the CSV route's policy
// asked before the handler ran.
http::Response Export(const AppContext& app, const http::Request& request,
                      const StaffSession& staff, bool ask_recent_auth) {
  AuditQueryInput input = InputOf(request);
  ParsedAuditQuery parsed = ParseAuditQuery(input);
  if (!parsed.errors.empty()) return LogPage(app, request, staff, input, parsed, 422);
  if (ask_recent_auth) {
    if (auto confirm = RequireRecentAuth(app, request, staff)) return *confirm;
  }
  Lang lang = LangOf(request);
  AuditFilter filter = FilterFor(*staff.bureau_id, parsed.query);
  long long total = app.audit.CountAuditMatching(filter);
  if (total > kMaxExportEntries) {
    return LogPage(app, request, staff, input, parsed, 422,
                   app.translator.Get(lang, N_("More than 50,000 entries match: choose fewer "
                                               "days or another filter, and export in parts.")));
  }
  // Exporting is on the record before the file is made.
  app.audit.Audit(AboutQuery(AuditEntry::ForBureau(staff.user_id, "audit.export", staff.bureau_id,
                                                   std::to_string(total) + " entries; " +
                                                       DescribeQuery(input, parsed.query)),
                             parsed.query),
                  app.now());
  auto records = app.audit.ListAudit(filter, static_cast<int>(kMaxExportEntries), 0);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  std::string body(kUtf8Bom);
  body += CsvRow({tr(N_("Entry")), tr(N_("Time (UTC)")), tr(N_("Time (Netherlands)")),
                  tr(N_("Staff member")), tr(N_("Action")), tr(N_("Case reference")),
                  tr(N_("Bureau")), tr(N_("Details"))});
  for (const auto& record : records) {
    body +=
        CsvRow({std::to_string(record.id), UtcIsoTime(record.at), DutchTimeWithSeconds(record.at),
                StaffText(app, lang, record), record.action, CaseText(record),
                record.bureau_id ? std::to_string(*record.bureau_id) : "", record.detail});
  }
  http::Response response{200, {}, std::move(body)};
  response.Set("Content-Type", "text/csv; charset=utf-8");
  response.Set("Content-Disposition", "attachment; filename=\"inzagelog-bureau-" +
                                          std::to_string(*staff.bureau_id) + "-" +
                                          FormatIsoDate(DateOfUnixSeconds(app.now())) + ".csv\"");
  response.Set("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace

// The route policy lets in the bureau admin (Permission::kReadAuditLog); an admin without a
// bureau has no log to read.
http::Response StaffAuditLogPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau()) return ErrorPage(app, 403, &request);
  if (request.QueryParam("formaat") == "csv") return Export(app, request, req.staff, true);
  AuditQueryInput input = InputOf(request);
  ParsedAuditQuery parsed = ParseAuditQuery(input);
  return LogPage(app, request, req.staff, input, parsed, parsed.errors.empty() ? 200 : 422);
}

http::Response StaffAuditLogCsv(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  return Export(app, req.http, req.staff, false);
}

std::string AuditLogPathForCase(const std::string& reference) {
  AuditQueryInput input;
  input.reference = reference;
  return LinkWith(kAuditLogPath, input);
}

}  // namespace meldpunt::web
