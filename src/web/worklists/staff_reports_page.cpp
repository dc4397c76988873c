#include "web/worklists/staff_reports_page.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "domain/dutch_time.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/case_list_store.hpp"
#include "store/evidence_store.hpp"
#include "store/mass_event_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/tag_store.hpp"
#include "web/admin/deadline_settings.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_view.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/intake/intake_view.hpp"
#include "web/paths.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_options.hpp"
#include "web/worklists/filter_options.hpp"
#include "web/worklists/saved_filters.hpp"
#include "web/worklists/staff_reports_csv.hpp"
#include "web/worklists/worklist_query.hpp"
#include "web/worklists/worklist_request.hpp"
#include "web/worklists/worklist_shown.hpp"

namespace meldpunt::web {
namespace {

// A tag in the list's filter: "name (12 open)", with "retired" for a retired tag.
std::string TagChoiceLabel(const AppContext& app, Lang lang, const CaseTag& tag) {
  std::string name = tag.name;
  if (tag.retired_at) name += ", " + app.translator.Get(lang, N_("retired"));
  return name + " (" +
         FillIn(app.translator.Get(lang, N_("{count} open")), "{count}",
                std::to_string(tag.open_cases)) +
         ")";
}

// One row of the list: what a handler scans for (compact), and on request (<details>) the
// report's text, the contact details, the classification and the files.
TemplateData ReportRow(const AppContext& app, Lang lang, const RegisteredReport& report,
                       const std::vector<StaffUser>& staff_list,
                       std::map<long long, kainjow::mustache::list>& files,
                       std::map<long long, std::vector<CaseTag>>& tags, long long now) {
  TemplateData row;
  // The next deadline (issue 14): its date, and "overdue" in words, not only in colour.
  if (report.next_due_at) {
    row.set("next_due", FormatDutchDate(*report.next_due_at));
    row.set("next_due_at", std::to_string(*report.next_due_at));
    row.set("overdue", Bool(*report.next_due_at < now));
  }
  row.set("reference", report.reference);
  row.set("files", files[report.id]);
  row.set("file_count", std::to_string(files[report.id].size()));
  row.set("has_files", Bool(!files[report.id].empty()));
  row.set("id", std::to_string(report.id));
  row.set("reported_on", FormatDutchDate(report.reported_at));
  row.set("incident_date", report.incident_date);
  row.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
  row.set("residence_municipality", MunicipalityLabel(app, lang, report.residence_municipality));
  row.set("anonymous", Bool(report.anonymous));
  row.set("description", report.description);
  row.set("channel", LabelOf(app, lang, ChannelLabels(), report.channel));
  row.set("reporter_role", LabelOf(app, lang, ReporterRoleLabels(), report.reporter_role));
  row.set("nature", LabelOf(app, lang, NatureLabels(), report.nature));
  row.set("grounds", LabelsInListOrder(app, lang, GroundLabels(), report.grounds));
  row.set("domain", LabelOf(app, lang, DomainLabels(), report.domain));
  row.set("scope", LabelOf(app, lang, ScopeLabels(), report.scope));
  row.set("wishes", LabelsOf(app, lang, WishLabels(), report.wishes));
  row.set("complaint", Bool(report.is_complaint));
  row.set("step", std::string(StepCode(report.step)));
  kainjow::mustache::list row_tags;
  for (const auto& tag : tags[report.id]) {
    TemplateData item;
    item.set("tag_name", tag.name);
    row_tags.push_back(item);
  }
  row.set("row_tags", row_tags);
  row.set("has_row_tags", Bool(!row_tags.empty()));
  row.set("step_label", LabelOf(app, lang, StepLabels(), StepCode(report.step)));
  for (const auto& handler : staff_list) {
    if (report.assigned_to == handler.id) row.set("assignee", handler.email);
  }
  if (report.contact) {
    row.set("contact", report.contact->name.empty()
                           ? report.contact->email + " " + report.contact->phone
                           : report.contact->name + ", " + report.contact->email + " " +
                                 report.contact->phone);
  }
  return row;
}

// The filter form's choices, each with what was asked selected.
void SetFilterChoices(const AppContext& app, Lang lang, const WorklistInput& in,
                      const std::vector<StaffUser>& handlers,
                      const std::vector<MassEvent>& mass_events,
                      const std::vector<CaseTag>& bureau_tags, TemplateData& data) {
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  kainjow::mustache::list steps = CodeOptions(app, lang, N_("Any step"), StepLabels(), in.step);
  steps.insert(steps.begin() + 1, SelectOption("open", tr(N_("Any open step")), in.step == "open"));
  data.set("steps", steps);
  kainjow::mustache::list handler_options;
  handler_options.push_back(SelectOption("", tr(N_("Anyone")), in.handler.empty()));
  handler_options.push_back(SelectOption("geen", tr(N_("Not assigned")), in.handler == "geen"));
  for (const auto& user : handlers) {
    std::string id = std::to_string(user.id);
    handler_options.push_back(SelectOption(id, user.email, in.handler == id));
  }
  data.set("handlers", handler_options);
  kainjow::mustache::list kinds;
  kinds.push_back(SelectOption("", tr(N_("Reports and complaints")), in.kind.empty()));
  kinds.push_back(SelectOption("klacht", tr(N_("Complaints only")), in.kind == "klacht"));
  kinds.push_back(
      SelectOption("melding", tr(N_("Reports for registration only")), in.kind == "melding"));
  data.set("kinds", kinds);
  data.set("municipalities", MunicipalityChoices(app, lang, in.municipality));
  data.set("grounds", CodeOptions(app, lang, N_("Any ground"), GroundLabels(), in.ground));
  data.set("channels", CodeOptions(app, lang, N_("Any channel"), ChannelLabels(), in.channel));
  // Tags (labels): the bureau's own, retired ones too (they still name cases), each with its
  // count of open cases, as on the tags admin page.
  kainjow::mustache::list labels;
  labels.push_back(SelectOption("", tr(N_("Any tag or none")), in.label.empty()));
  for (const auto& tag : bureau_tags) {
    std::string id = std::to_string(tag.id);
    std::string name = TagChoiceLabel(app, lang, tag);
    labels.push_back(SelectOption(id, name, in.label == id));
  }
  data.set("labels", labels);
  data.set("has_labels", Bool(!bureau_tags.empty() || !in.label.empty()));
  kainjow::mustache::list sorts;
  bool by_date = in.sort != "referentie" && in.sort != "termijn" && in.sort != "activiteit";
  sorts.push_back(SelectOption("datum", tr(N_("Date received")), by_date));
  sorts.push_back(SelectOption("referentie", tr(N_("Reference")), in.sort == "referentie"));
  sorts.push_back(SelectOption("termijn", tr(N_("Next deadline")), in.sort == "termijn"));
  sorts.push_back(SelectOption("activiteit", tr(N_("Last activity")), in.sort == "activiteit"));
  data.set("sorts", sorts);
  // Next deadline and mass-report event (issue 14).
  kainjow::mustache::list dues;
  dues.push_back(SelectOption("", tr(N_("Any deadline")), in.due.empty()));
  dues.push_back(SelectOption("verlopen", tr(N_("Overdue")), in.due == "verlopen"));
  dues.push_back(SelectOption("binnenkort", tr(N_("Due soon")), in.due == "binnenkort"));
  data.set("dues", dues);
  kainjow::mustache::list events;
  events.push_back(SelectOption("", tr(N_("Any or none")), in.mass_event.empty()));
  for (const auto& event : mass_events) {
    std::string id = std::to_string(event.id);
    events.push_back(SelectOption(id, event.name, in.mass_event == id));
  }
  data.set("mass_events", events);
  kainjow::mustache::list directions;
  directions.push_back(SelectOption(
      "", tr(N_("As usual: newest first, the next deadline soonest first")), in.direction.empty()));
  directions.push_back(SelectOption("af", tr(N_("Newest or highest first")), in.direction == "af"));
  directions.push_back(SelectOption("op", tr(N_("Oldest or lowest first")), in.direction == "op"));
  data.set("directions", directions);
  data.set("from", in.from);
  data.set("to", in.to);
}

// How the page is sorted, in words.
const char* OrderText(const WorklistQuery& q) {
  switch (q.order) {
    case WorklistOrder::kReference:
      return q.ascending ? N_("lowest reference first") : N_("highest reference first");
    case WorklistOrder::kNextDue:
      return q.ascending ? N_("next deadline soonest first, cases without one last")
                         : N_("next deadline latest first, cases without one first");
    case WorklistOrder::kLastActivity:
      return q.ascending ? N_("least recent activity first") : N_("most recent activity first");
    case WorklistOrder::kReceived:
      break;
  }
  return q.ascending ? N_("oldest received first") : N_("newest received first");
}

}  // namespace

http::Response StaffReportsPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };

  // Read and checked as the CSV export reads them (worklist_request.hpp); the tags with their
  // counts of open cases for the tag filter.
  CheckedWorklist list = CheckWorklistRequest(app, req, /*with_tag_counts=*/true);
  const WorklistInput& input = list.input;
  const auto& staff_list = list.staff_list;
  const auto& handlers = list.handlers;
  const auto& mass_events = list.mass_events;
  WorklistValidation checked{list.query, list.errors};
  const long long now = app.now();

  TemplateData data;
  data.set("mine", Bool(input.mine));
  SetFilterChoices(app, lang, input, handlers, mass_events, list.bureau_tags, data);
  bool filtered =
      !(input.step + input.handler + input.kind + input.municipality + input.ground +
        input.channel + input.from + input.to + input.due + input.mass_event + input.label)
           .empty();
  data.set("filtered", Bool(filtered));
  data.set("clear_url", std::string(kReportsPath) + (input.mine ? "?mijn=1" : ""));
  int status = 200;
  if (!checked.errors.empty()) {
    // Nothing is listed when a parameter is wrong: the page would show something else than
    // what was asked for. What to correct is said at the top and at its field.
    status = 422;
    kainjow::mustache::list summary;
    for (const auto& error : checked.errors) {
      TemplateData item;
      item.set("field", error.field);
      item.set("message", tr(error.message));
      summary.push_back(item);
      data.set(error.field + "_error", tr(error.message));
    }
    data.set("errors", summary);
    data.set("has_errors", Bool(true));
    data.set("has_reports", Bool(false));
  } else {
    WorklistPage page = app.case_lists.ListWorklist(checked.query);
    const auto& reports = page.reports;
    // Reading reports is a read of personal data: it goes on the record before it is shown, as
    // one entry for the page, with the filter (codes only) and the range of report numbers it
    // showed, so "who saw this case" finds this listing.
    std::string detail = std::to_string(reports.size()) + " reports";
    if (!reports.empty()) {
      detail += " (" + WorklistShownForAudit(page) + "), " + reports.front().reference + " to " +
                reports.back().reference;
    }
    std::string filter = WorklistAuditFilter(input);
    if (!filter.empty()) detail += "; " + filter;
    AuditEntry listing =
        AuditEntry::ForBureau(staff.user_id, "list_reports", staff.bureau_id, detail);
    std::set<long long> ids;
    for (const auto& report : reports) ids.insert(report.id);
    if (!ids.empty()) {
      listing.listed_from = *ids.begin();
      listing.listed_to = *ids.rbegin();
      listing.listed_ids.assign(ids.begin(), ids.end());  // "who saw this case" (issue 14)
    }
    app.audit.Audit(listing, app.now());

    // The files of the reports on this page only: in another order than the number, the page's
    // lowest and highest number span much of the bureau, whose other reports are not shown.
    std::map<long long, kainjow::mustache::list> files;
    if (!ids.empty()) {
      for (const auto& [id, count] :
           app.evidence.CountEvidenceByReport(*ids.begin(), *ids.rbegin())) {
        if (count > 0 && ids.contains(id))
          files[id] = EvidenceFileList(lang, app.evidence.ListEvidence(id));
      }
    }
    std::vector<long long> page_ids(ids.begin(), ids.end());
    auto tags = app.tags.ListTagsOfCases(staff.bureau_id.value_or(0), page_ids);
    kainjow::mustache::list rows;
    for (const auto& report : reports)
      rows.push_back(ReportRow(app, lang, report, staff_list, files, tags, now));
    data.set("reports", rows);
    data.set("has_reports", Bool(!reports.empty()));
    // Counted up to a cap (kWorklistCountCap): "of more than 10,000" beyond it.
    WorklistShown shown = DescribeWorklistShown(app.translator, lang, page);
    data.set("shown_text", shown.text);
    data.set("first_shown", shown.first);
    data.set("last_shown", shown.last);
    data.set("total", shown.total);
    data.set("total_more_than", shown.more_than);
    std::string base = std::string(kReportsPath) + "?";
    if (!reports.empty() && page.preceding > 0) {
      data.set("previous_url",
               base + WorklistQueryString(
                          input, "voor",
                          FormatWorklistKey(WorklistKeyOf(reports.front(), checked.query.order))));
    }
    if (!reports.empty() && page.more_after) {
      data.set("next_url", base + WorklistQueryString(input, "na",
                                                      FormatWorklistKey(WorklistKeyOf(
                                                          reports.back(), checked.query.order))));
    }
    data.set("has_paging", Bool(page.preceding > 0 || page.more_after));
    data.set("order_text", tr(OrderText(checked.query)));
    // The same list as CSV (staff_reports_csv.hpp): the same filters and order.
    std::string filters = WorklistQueryString(input);
    data.set("csv_url", std::string(kReportsCsvPath) + (filters.empty() ? "" : "?" + filters));
    data.set("csv_capped", Bool(page.total > kMaxExportRows ||
                                (page.total_capped && page.total >= kMaxExportRows)));
    data.set("csv_max", std::to_string(kMaxExportRows));
  }
  if (checked.errors.empty()) AddSavedFilterData(app, request, staff, data);  // issue 14
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_reports", N_("Reports"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace meldpunt::web
