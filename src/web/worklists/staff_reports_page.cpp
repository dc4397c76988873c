#include "web/worklists/staff_reports_page.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

#include "domain/dutch_time.hpp"
#include "domain/figures/figures.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/figures/working_area.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/case_list_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/accounts/staff_login_handlers.hpp"
#include "web/accounts/staff_login_state.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/figures/figures_scope.hpp"
#include "web/figures/mass_figures.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

http::Response StaffReportsPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  long long bureau = staff.bureau_id.value_or(0);
  // "My cases" (?mijn=1): the cases assigned to the staff member.
  bool mine = request.QueryParam("mijn") == "1";
  auto reports = mine ? app.case_lists.ListAssignedReports(bureau, staff.user_id,
                                                           app.options.staff_page_size, 0)
                      : app.reports.ListBureauReports(bureau, app.options.staff_page_size, 0);
  long long total = mine ? app.case_lists.CountAssignedReports(bureau, staff.user_id)
                         : app.reports.CountBureauReports(bureau);
  auto handlers = app.staff.ListBureauStaff(bureau);
  // Reading reports is a read of personal data: it goes on the record before it is shown.
  AuditEntry listing = AuditEntry::ForBureau(staff.user_id, "list_reports", staff.bureau_id,
                                             std::to_string(reports.size()) + " reports");
  if (!reports.empty()) {
    // Newest first: the range of numbers shown, so "who saw this case" finds this listing.
    listing.listed_from = reports.back().id;
    listing.listed_to = reports.front().id;
    listing.detail += ", " + reports.back().reference + " to " + reports.front().reference;
  }
  app.audit.Audit(listing, app.now());
  auto files = reports.empty() ? std::map<long long, kainjow::mustache::list>{}
                               : EvidenceLinks(app, lang, reports.back().id, reports.front().id);
  kainjow::mustache::list rows;
  for (const auto& report : reports) {
    TemplateData row;
    row.set("reference", report.reference);
    row.set("files", files[report.id]);
    row.set("file_count", std::to_string(files[report.id].size()));
    row.set("id", std::to_string(report.id));
    row.set("reported_on", FormatDutchDate(report.reported_at));
    row.set("incident_date", report.incident_date);
    row.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
    row.set("residence_municipality", MunicipalityLabel(app, lang, report.residence_municipality));
    row.set("anonymous", Bool(report.anonymous));
    row.set("description", report.description);
    row.set("reporter_role", LabelOf(app, lang, ReporterRoleLabels(), report.reporter_role));
    row.set("nature", LabelOf(app, lang, NatureLabels(), report.nature));
    row.set("grounds", LabelsOf(app, lang, GroundLabels(), report.grounds));
    row.set("domain", LabelOf(app, lang, DomainLabels(), report.domain));
    row.set("scope", LabelOf(app, lang, ScopeLabels(), report.scope));
    row.set("wishes", LabelsOf(app, lang, WishLabels(), report.wishes));
    row.set("complaint", Bool(report.is_complaint));
    row.set("step", std::string(StepCode(report.step)));
    row.set("step_label", LabelOf(app, lang, StepLabels(), StepCode(report.step)));
    for (const auto& handler : handlers) {
      if (report.assigned_to == handler.id) row.set("assignee", handler.email);
    }
    if (report.contact) {
      row.set("contact", report.contact->name.empty()
                             ? report.contact->email + " " + report.contact->phone
                             : report.contact->name + ", " + report.contact->email + " " +
                                   report.contact->phone);
    }
    rows.push_back(row);
  }
  TemplateData data;
  data.set("reports", rows);
  data.set("has_reports", Bool(!reports.empty()));
  data.set("shown", std::to_string(reports.size()));
  data.set("total", std::to_string(total));
  data.set("mine", Bool(mine));
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_reports", N_("Reports"), std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

}  // namespace meldpunt::web
