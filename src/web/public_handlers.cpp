#include "web/public_handlers.hpp"

#include "domain/receipt.hpp"
#include "domain/reference.hpp"
#include "http/form.hpp"
#include "web/html.hpp"
#include "web/pages.hpp"
#include "web/receipt_cookie.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kReceiptPurpose = "report-received";

// Reporters anywhere may be a day ahead of UTC, so the latest date allowed is tomorrow in UTC.
Date LatestIncidentDate(const AppContext& app) {
  return Date{std::chrono::sys_days{DateOfUnixSeconds(app.now())} + std::chrono::days{1}};
}

// Fills the form's template data from what was typed, with the errors to show beside fields.
TemplateData FormData(const AppContext& app, Lang lang, const std::string& csrf,
                      const std::string& submission_key, const ReportInput& input,
                      const std::vector<FieldError>& errors) {
  TemplateData data;
  data.set("csrf", csrf);
  data.set("submission_key", submission_key);
  data.set("description", input.description);
  data.set("incident_date", input.incident_date);
  data.set("max_date", FormatIsoDate(LatestIncidentDate(app)));
  data.set("contact_name", input.contact_name);
  data.set("contact_email", input.contact_email);
  data.set("contact_phone", input.contact_phone);
  data.set("anonymous_yes", Bool(input.anonymous == "yes"));
  data.set("anonymous_no", Bool(input.anonymous == "no"));
  data.set("incident_options",
           MunicipalityOptions(app, lang, kIncidentNotApplicable, N_("Not applicable / online"),
                               input.incident_municipality));
  data.set("residence_options",
           MunicipalityOptions(app, lang, kResidenceUnknown, N_("Abroad / unknown"),
                               input.residence_municipality));
  kainjow::mustache::list summary;
  for (const auto& error : errors) {
    std::string message = app.translator.Get(lang, ProblemMessage(error.field, error.problem));
    // Only the first problem of a field is shown beside it.
    if (!data.get(error.field + "_error")) {
      data.set(error.field + "_error", message);
      TemplateData item;
      item.set("field", error.field);
      item.set("message", message);
      summary.push_back(item);
    }
  }
  data.set("has_errors", Bool(!errors.empty()));
  data.set("errors", summary);
  return data;
}

}  // namespace

std::string NewSubmissionKey() { return RandomToken(18); }

const char* ProblemMessage(const std::string& field, Problem problem) {
  switch (problem) {
    case Problem::kRequired:
      if (field == "description") return N_("Describe what happened.");
      if (field == "incident_date") return N_("Enter the date it happened.");
      if (field == "incident_municipality") return N_("Choose where it happened.");
      if (field == "residence_municipality") return N_("Choose where you live.");
      if (field == "anonymous") return N_("Choose whether you want to stay anonymous.");
      return N_("This field is required.");
    case Problem::kTooLong:
      return N_("This is too long. Please shorten it.");
    case Problem::kInvalidText:
      return N_("This contains characters we cannot store.");
    case Problem::kInvalidDate:
      return N_("Enter a date like 2026-03-31 (year-month-day).");
    case Problem::kFutureDate:
      return N_("The date cannot be in the future.");
    case Problem::kTooOld:
      return N_("The date is too long ago. Check the year.");
    case Problem::kUnknownMunicipality:
      return N_("Choose a municipality from the list.");
    case Problem::kInvalidChoice:
      return N_("Choose one of the options.");
    case Problem::kInvalidEmail:
      return N_("Enter an e-mail address like name@example.nl.");
    case Problem::kInvalidPhone:
      return N_("Enter a phone number with at least 6 digits.");
    case Problem::kContactRequired:
      return N_("Enter an e-mail address or a phone number, or choose to stay anonymous.");
  }
  return N_("This field is not valid.");
}

http::Response HomePage(const AppContext& app, const http::Request& request) {
  return RenderPage(app, request, 200, {"home", N_("Reporting helps"), {}, ""});
}

http::Response RenderReportForm(const AppContext& app, const http::Request& request,
                                const std::string& csrf, const std::string& submission_key) {
  Page page{"report_form", N_("Report discrimination"),
            FormData(app, LangOf(request), csrf, submission_key, {}, {}), "report_form.js"};
  return RenderPage(app, request, 200, std::move(page));
}

http::Response SubmitReport(const AppContext& app, const http::Request& request) {
  auto form = http::ParseFormFields(request.body, kMaxFormFields);
  if (!form) return ErrorPage(app, 400, &request);
  if (!CsrfValid(app, request, form->Get("csrf"))) return ErrorPage(app, 403, &request);

  ReportInput input{form->Get("description"),
                    form->Get("incident_date"),
                    form->Get("incident_municipality"),
                    form->Get("residence_municipality"),
                    form->Get("anonymous"),
                    form->Get("contact_name"),
                    form->Get("contact_email"),
                    form->Get("contact_phone")};
  ReportValidation validation = ValidateReport(input, app.municipalities, LatestIncidentDate(app));
  // A form without a well-formed key still works; it just cannot be recognised when resent.
  std::string submission_key = form->Get("submission_key");
  if (!IsSubmissionKey(submission_key)) submission_key.clear();
  // Only reports that would be stored count against the client's limit; when over it, the form
  // comes back with everything typed and a message to wait, and nothing is stored.
  bool limited = validation.report &&
                 !app.report_limits.Allow(request.client_address, static_cast<double>(app.now()));
  if (!validation.report || limited) {
    Lang lang = LangOf(request);
    http::Response response;
    std::string csrf = CsrfTokenFor(app, request, response);
    TemplateData data =
        FormData(app, lang, csrf, submission_key.empty() ? NewSubmissionKey() : submission_key,
                 input, validation.errors);
    data.set("rate_limited", Bool(limited));
    Page page{"report_form", N_("Report discrimination"), std::move(data), "report_form.js"};
    http::Response rendered =
        WithCookies(RenderPage(app, request, limited ? 429 : 422, std::move(page)), response);
    if (limited) rendered.Set("Retry-After", "60");
    return rendered;
  }
  // The receipt code (volgcode): from the submission key when there is one, so that a resent
  // form shows the same code; stored only as a slow hash (see security/receipts.hpp).
  std::string receipt =
      submission_key.empty() ? Receipts::Random() : app.receipts.ForSubmission(submission_key);
  validation.report->submission_key =
      submission_key.empty() ? "" : app.receipts.SubmissionKeyHash(submission_key);
  validation.report->receipt_hash = app.receipts.Hash(receipt);
  RegisteredReport stored;
  try {
    stored = app.store.AddReport(*validation.report, app.now());
  } catch (const StoreBusy&) {
    http::Response busy = ErrorPage(app, 503, &request);
    busy.Set("Retry-After", "30");
    return busy;
  }
  http::Response response =
      http::Response::SeeOther(std::string(kReportReceivedPath) +
                               "?r=" + app.signer.Sign(kReceiptPurpose, stored.reference));
  response.Add("Set-Cookie", ReceiptCookie(app, stored.reference, receipt));
  return response;
}

http::Response ReportReceivedPage(const AppContext& app, const http::Request& request) {
  auto reference = app.signer.Verify(kReceiptPurpose, request.QueryParam("r"));
  if (!reference || !ParseReference(*reference)) return ErrorPage(app, 404, &request);
  TemplateData data;
  data.set("reference", *reference);
  // The code is shown only while the short-lived cookie from POST /melden lasts.
  if (auto receipt = ReceiptFromCookie(app, request, *reference)) {
    kainjow::mustache::list groups;
    for (const auto& group : ReceiptGroups(*receipt)) groups.push_back(group);
    data.set("receipt_groups", groups);
    data.set("has_receipt", Bool(true));
  } else {
    data.set("has_receipt", Bool(false));
  }
  return RenderPage(
      app, request, 200,
      {"report_received", N_("Your report has been received"), data, "report_received.js"});
}

}  // namespace meldpunt::web
