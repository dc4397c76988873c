#include "web/intake/staff_intake_handlers.hpp"

#include <chrono>

#include "domain/dutch_time.hpp"
#include "domain/reports/intake.hpp"
#include "domain/reports/receipt.hpp"
#include "http/form.hpp"
#include "store/bureau_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/intake/intake_view.hpp"
#include "web/intake/register_report.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

struct IntakeState {
  FormState form;
  IntakeInput intake;
};

// The bureau's calendar day: staff work in the Netherlands.
Date Today(const AppContext& app) {
  long long now = app.now();
  return DateOfUnixSeconds(now + DutchUtcOffsetSeconds(now));
}

// The public form's messages, except where staff need other words: the intake's own fields and
// the consent, which the staff member records for the reporter.
const char* IntakeProblemMessage(const std::string& field, Problem problem) {
  if (field == "channel" && problem == Problem::kRequired) {
    return N_("Choose how the report came in.");
  }
  if (field == "received_date" && problem == Problem::kTooOld) {
    return N_("The date of receipt is more than a year ago. Check the year.");
  }
  if (field == "consent") {
    return N_(
        "Tick the box once the reporter has agreed. Without their consent the report cannot be "
        "registered.");
  }
  return ProblemMessage(field, problem);
}

http::Response FormPage(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, int status, const IntakeState& state) {
  Lang lang = LangOf(request);
  // The public form's fields and values; errors are set below with the intake's messages.
  FormState fields = state.form;
  fields.errors.clear();
  TemplateData data = ReportFormData(app, lang, fields);
  SetFieldErrors(app, lang, state.form.errors, data, IntakeProblemMessage);
  std::vector<std::string> channel;
  if (!state.intake.channel.empty()) channel.push_back(state.intake.channel);
  data.set("channel_choices", Choices(app, lang, "channel", StaffChannelLabels(), channel));
  data.set("received_date", state.intake.received_date);
  Date today = Today(app);
  data.set("today", FormatIsoDate(today));
  data.set("oldest_received", FormatIsoDate(Date{std::chrono::sys_days{today} -
                                                 std::chrono::days{kMaxReceivedDaysAgo}}));
  data.set("consent", Bool(state.form.input.consent == "yes"));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_intake", N_("Register a report"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

http::Response DonePage(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, const RegisteredReport& stored,
                        const std::string& receipt, bool closed) {
  TemplateData data;
  data.set("id", std::to_string(stored.id));
  data.set("reference", stored.reference);
  kainjow::mustache::list groups;
  for (const auto& group : ReceiptGroups(receipt)) groups.push_back(group);
  data.set("receipt_groups", groups);
  // A resent form closes nothing (RegistrationOnlyClosing); its first sending did.
  data.set("closed", Bool(closed || (stored.duplicate && !stored.is_complaint)));
  data.set("duplicate", Bool(stored.duplicate));
  bool visible = CaseVisibleTo(staff, stored);
  data.set("may_open", Bool(visible));
  if (!visible) {
    for (const auto& bureau : app.bureaus.ListBureaus()) {
      if (bureau.id == stored.bureau_id) data.set("bureau_name", bureau.name);
    }
  }
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_intake_done", N_("Report registered"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

}  // namespace

http::Response StaffIntakePage(const AppContext& app, const StaffRequest& req) {
  IntakeState state;
  state.form.submission_key = NewSubmissionKey();
  return FormPage(app, req.http, req.staff, 200, state);
}

http::Response StaffIntakeSubmit(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;

  IntakeState state;
  // As on the public form: the key makes a resent form (a reload, a double click) one report.
  state.form.submission_key = form.Get("submission_key");
  bool has_key = IsSubmissionKey(state.form.submission_key);
  if (!has_key) state.form.submission_key = NewSubmissionKey();
  state.form.input = ReportInputFrom(form);
  state.intake = IntakeInput{form.Get("channel"), form.Get("received_date")};

  // The public form's rules, consent included: the staff member records the reporter's.
  ValidationOptions options{.require_consent = true, .postcodes = app.postcodes};
  ReportValidation report =
      ValidateReport(state.form.input, app.municipalities, LatestIncidentDate(app), options);
  IntakeValidation intake = ValidateIntake(state.intake, Today(app),
                                           report.report ? &report.report->incident_date : nullptr);
  if (!report.report || !intake.intake) {
    // In the order of the page: how it came in first.
    state.form.errors = std::move(intake.errors);
    state.form.errors.insert(state.form.errors.end(), report.errors.begin(), report.errors.end());
    return FormPage(app, request, staff, 422, state);
  }

  NewReport& accepted = *report.report;
  accepted.channel = intake.intake->channel;
  // Registered by this staff member: RegisterReport puts it on the audit record.
  accepted.registered_by = staff.user_id;
  if (intake.intake->received_on)
    accepted.received_at = ReceivedAtNoonUtc(*intake.intake->received_on);
  // Stored, routed, closed when it asks for registration only, and confirmed by e-mail as a
  // report from the public form is; the receipt code is made the same way.
  ReportRegistration registered =
      RegisterReport(app, request, std::move(accepted), has_key ? state.form.submission_key : "");
  if (registered.refusal) return std::move(*registered.refusal);
  return DonePage(app, request, staff, registered.stored, registered.receipt, registered.closed);
}

}  // namespace meldpunt::web
