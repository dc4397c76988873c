// The top of the case page: what the case is, where it stands, and its deadlines.
#include "domain/dutch_time.hpp"
#include "store/case_list_store.hpp"
#include "store/case_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/report_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/store_types.hpp"
#include "web/admin/deadline_settings.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_times.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"
#include "web/common/svg_chart.hpp"
#include "web/followup/thread_view.hpp"
#include "web/intake/intake_view.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

// The description in the summary: this many characters, the full text on request (<details>).
constexpr size_t kShortDescriptionChars = 280;

std::string DutchDate(long long unix_seconds) {
  return FormatDutchDateTime(unix_seconds).substr(0, 10);  // "2026-03-31"
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += ' ';
    out += code;
  }
  return out;
}

kainjow::mustache::list Deadlines(const AppContext& app, Lang lang, const RegisteredReport& report,
                                  const std::vector<CaseEvent>& events,
                                  const std::vector<ThreadMessage>& messages) {
  // The same rule as the work lists: only a complaint (klacht) has deadlines.
  std::optional<long long> registered_at;
  if (auto intake = app.reports.GetReportIntake(report.id)) registered_at = intake->registered_at;
  CaseTimeline timeline = CaseTimelineOf(report, events, messages, registered_at,
                                         app.cases.PlannedMediationAt(report.id));
  kainjow::mustache::list rows;
  for (const Deadline& deadline :
       DeadlinesOf(timeline, DeadlineSettingsFor(app, report.bureau_id), app.now())) {
    TemplateData row;
    row.set("code", std::string(DeadlineKindCode(deadline.kind)));
    row.set("label", LabelOf(app, lang, DeadlineLabels(), DeadlineKindCode(deadline.kind)));
    row.set("due", DutchDate(deadline.due_at));
    row.set("state", std::string(DeadlineStateCode(deadline.state)));
    row.set("state_label",
            LabelOf(app, lang, DeadlineStateLabels(), DeadlineStateCode(deadline.state)));
    row.set("overdue", Bool(deadline.state == DeadlineState::kOverdue));
    if (deadline.met_at) row.set("met_at", FormatDutchDateTime(*deadline.met_at));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

void AddCaseSummary(TemplateData& data, const AppContext& app, Lang lang,
                    const RegisteredReport& report, const std::vector<CaseEvent>& events,
                    const std::vector<ThreadMessage>& messages,
                    const std::vector<StaffUser>& bureau_staff) {
  SetIntakeFacts(app, lang, report, data);  // channel, melding or klacht, who registered it
  if (!report.site_language.empty()) {
    // The language the reporter used on the site (issue 15), named in itself: "Türkçe".
    auto used = Languages().Find(report.site_language);
    data.set("reporter_language",
             used ? Languages().Info(*used).native_name : report.site_language);
    data.set("reporter_language_code", report.site_language);
  }
  data.set("anonymous", Bool(report.anonymous));
  if (report.contact) {
    data.set("contact_name", report.contact->name);
    data.set("contact_email", report.contact->email);
    data.set("contact_phone", report.contact->phone);
  }
  data.set("scope_code", report.scope);
  data.set("scope_label", LabelOf(app, lang, ScopeLabels(), report.scope));
  data.set("step_code", std::string(StepCode(report.step)));
  data.set("step_label", LabelOf(app, lang, StepLabels(), StepCode(report.step)));
  if (report.assigned_to) {
    std::string assignee = "#";
    assignee += std::to_string(*report.assigned_to);
    for (const auto& user : bureau_staff) {
      if (user.id == *report.assigned_to) assignee = user.email;
    }
    data.set("assignee", assignee);
  }
  data.set("consent", Bool(report.consent_recorded));
  data.set("status_code", std::string(StatusCode(report.status)));
  data.set("status_label", app.translator.Get(lang, StatusLabel(report.status)));
  bool closed = !IsOpen(report.step);
  data.set("closed", Bool(closed));
  if (closed) {
    data.set("handling_codes", JoinCodes(report.handlings));
    data.set("handlings_label", LabelsOf(app, lang, HandlingLabels(), report.handlings));
    data.set("outcome_code", report.outcome);
    data.set("outcome_label", LabelOf(app, lang, OutcomeLabels(), report.outcome));
    data.set("closed_on", report.closed_at ? FormatDutchDateTime(*report.closed_at) : "");
  }
  data.set("description", report.description);
  std::string shortened = ShortenLabel(report.description, kShortDescriptionChars);
  data.set("description_long", Bool(shortened != report.description));
  data.set("description_short", shortened);
  data.set("reporter_role", LabelOf(app, lang, ReporterRoleLabels(), report.reporter_role));
  data.set("nature", LabelOf(app, lang, NatureLabels(), report.nature));
  data.set("grounds", LabelsOf(app, lang, GroundLabels(), report.grounds));
  data.set("domain", LabelOf(app, lang, DomainLabels(), report.domain));
  data.set("wishes", LabelsOf(app, lang, WishLabels(), report.wishes));
  data.set("reported_on", FormatDutchDate(report.reported_at));
  data.set("incident_date", report.incident_date);
  data.set("incident_municipality", MunicipalityLabel(app, lang, report.incident_municipality));
  data.set("residence_municipality", MunicipalityLabel(app, lang, report.residence_municipality));
  auto deadlines = Deadlines(app, lang, report, events, messages);
  data.set("has_deadlines", Bool(!deadlines.empty()));
  data.set("deadlines", deadlines);
}

}  // namespace meldpunt::web
