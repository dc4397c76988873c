#include "web/worklists/staff_reports_csv.hpp"

#include <algorithm>
#include <map>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/staff_role.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/case_list_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/common/csv.hpp"
#include "web/common/pages.hpp"
#include "web/intake/intake_view.hpp"
#include "web/public/report_options.hpp"
#include "web/worklists/filter_options.hpp"
#include "web/worklists/worklist_request.hpp"

namespace meldpunt::web {

http::Response StaffReportsCsv(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  CheckedWorklist list = CheckWorklistRequest(app, req);
  if (!list.errors.empty()) {
    // The page says what to correct; the export of a list that is not what was asked is refused.
    std::string body =
        tr(N_("This list cannot be exported: correct the filters on the list first."));
    for (const auto& error : list.errors) body += "\n" + error.field + ": " + tr(error.message);
    http::Response response{422, {}, body + "\n"};
    response.Set("Content-Type", "text/plain; charset=utf-8");
    return response;
  }
  WorklistExport exported = app.case_lists.ExportWorklist(list.query, kMaxExportRows);
  const bool personal = Allows(staff.role, Permission::kExportPersonalData);

  // On the record before anything is sent: the filter (codes) and how many rows went out.
  std::string detail = std::to_string(exported.reports.size()) + " of " +
                       std::to_string(exported.total) + " reports" +
                       (personal ? ", with personal data" : ", without personal data");
  std::string filter = WorklistAuditFilter(list.input);
  if (!filter.empty()) detail += "; " + filter;
  AuditEntry entry =
      AuditEntry::ForBureau(staff.user_id, "export_reports", staff.bureau_id, detail);
  if (!exported.reports.empty()) {
    long long low = exported.reports.front().id, high = low;
    for (const auto& report : exported.reports) {
      low = std::min(low, report.id);
      high = std::max(high, report.id);
    }
    entry.listed_from = low;
    entry.listed_to = high;
  }
  app.audit.Audit(entry, app.now());

  std::string body(kUtf8Bom);
  std::vector<std::string> header = {tr(N_("Reference")),     tr(N_("Kind")),
                                     tr(N_("Received")),      tr(N_("Place of incident")),
                                     tr(N_("Grounds")),       tr(N_("Channel")),
                                     tr(N_("Step")),          tr(N_("Handler")),
                                     tr(N_("Next deadline")), tr(N_("Last activity"))};
  if (personal) {
    for (const char* column : {N_("Name"), N_("E-mail"), N_("Phone"), N_("What happened")})
      header.push_back(tr(column));
  }
  body += CsvRow(header);
  std::map<long long, std::string> handlers;
  for (const auto& user : list.staff_list) handlers[user.id] = user.email;
  for (const auto& report : exported.reports) {
    std::vector<std::string> row = {report.reference,
                                    report.is_complaint ? tr(N_("Complaint")) : tr(N_("Report")),
                                    FormatDutchDate(report.reported_at),
                                    MunicipalityLabel(app, lang, report.incident_municipality),
                                    LabelsInListOrder(app, lang, GroundLabels(), report.grounds),
                                    LabelOf(app, lang, ChannelLabels(), report.channel),
                                    LabelOf(app, lang, StepLabels(), StepCode(report.step)),
                                    report.assigned_to ? handlers[*report.assigned_to] : "",
                                    report.next_due_at ? FormatDutchDate(*report.next_due_at) : "",
                                    FormatDutchDate(report.last_activity_at)};
    if (personal) {
      row.push_back(report.contact ? report.contact->name : "");
      row.push_back(report.contact ? report.contact->email : "");
      row.push_back(report.contact ? report.contact->phone : "");
      row.push_back(report.description);
    }
    body += CsvRow(row);
  }
  http::Response response{200, {}, std::move(body)};
  response.Set("Content-Type", "text/csv; charset=utf-8");
  response.Set("Content-Disposition", "attachment; filename=\"meldingen-" +
                                          FormatIsoDate(DutchDateOf(app.now())) + ".csv\"");
  response.Set("X-Content-Type-Options", "nosniff");
  // How many matched, for a client that wants to say the export was cut off.
  response.Set("X-Rows-Total", std::to_string(exported.total));
  return response;
}

}  // namespace meldpunt::web
