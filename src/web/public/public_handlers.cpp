#include "web/public/public_handlers.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/reports/receipt.hpp"
#include "domain/reports/reference.hpp"
#include "http/form.hpp"
#include "http/request_form.hpp"
#include "security/proof_of_work_check.hpp"
#include "store/store_types.hpp"
#include "web/common/bureau_face_view.hpp"
#include "web/common/bureau_faces.hpp"
#include "web/common/html.hpp"
#include "web/common/pages.hpp"
#include "web/intake/register_report.hpp"
#include "web/public/evidence_upload.hpp"
#include "web/public/receipt_cookie.hpp"
#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kReceiptPurpose = "report-received";
// The report's bureau for the confirmation page's contact (issue 15), bound to its reference, so
// the page needs no database read and a changed link shows no other bureau.
constexpr std::string_view kReceiptBureauPurpose = "report-received-bureau";

http::Response FormPage(const AppContext& app, const http::Request& request, int status,
                        const FormState& state, bool rate_limited = false) {
  TemplateData data = ReportFormData(app, LangOf(request), state);
  data.set("rate_limited", Bool(rate_limited));
  return RenderPage(
      app, request, status,
      {"report_form", N_("Report discrimination"), std::move(data), "report_form.js"});
}

// The summary, with the evidence fieldset: files are chosen here, right before sending.
http::Response ReviewPage(const AppContext& app, const http::Request& request, int status,
                          const FormState& state, const EvidenceUpload& upload = {},
                          bool rate_limited = false) {
  TemplateData data = ReportReviewData(app, LangOf(request), state);
  SetEvidenceFormData(data, upload);
  if (app.options.proof_of_work_bits > 0) {
    data.set("pow_bits", std::to_string(app.options.proof_of_work_bits));
  }
  data.set("rate_limited", Bool(rate_limited));
  return RenderPage(app, request, status,
                    {"report_review", N_("Check your report"), std::move(data), "report_form.js"});
}

}  // namespace

std::string NewSubmissionKey() { return RandomToken(18); }

http::Response HomePage(const AppContext& app, const http::Request& request) {
  return RenderPage(app, request, 200, {"home", N_("Reporting helps"), {}, ""});
}

http::Response RenderReportForm(const AppContext& app, const http::Request& request,
                                const std::string& csrf, const std::string& submission_key) {
  return FormPage(app, request, 200, FormState{csrf, submission_key, {}, {}});
}

// One POST address for the form's three buttons: "check your report" (action=review) shows the
// summary, "change" (action=edit) the form again with everything typed, and "send" (action=send,
// or no action at all) registers the report. Nothing is stored before "send". The route parsed
// the form and checked its anti-forgery token; files under another field than the evidence field
// are refused (400).
http::Response SubmitReport(const AppContext& app, const FormRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const std::vector<http::UploadedFile>& files = req.form.files;
  if (!OnlyEvidenceFiles(files)) return ErrorPage(app, 400, &request);

  http::Response cookies;
  FormState state;
  state.csrf = CsrfTokenFor(app, request, cookies);
  // A form without a well-formed key still works; it just cannot be recognised when resent.
  state.submission_key = form.Get("submission_key");
  bool has_key = IsSubmissionKey(state.submission_key);
  if (!has_key) state.submission_key = NewSubmissionKey();
  state.input = ReportInputFrom(form);
  const std::string action = form.Get("action");

  if (action.starts_with("edit")) {
    // "edit-3" opens the form at step 3.
    int step = action.size() == 6 ? action[5] - '0' : 1;
    state.open_step = step >= 1 && step < kReportSteps ? step : 1;
    return WithCookies(FormPage(app, request, 200, state), cookies);
  }

  bool reviewing = action == "review";
  ValidationOptions options{.require_consent = !reviewing, .postcodes = app.postcodes};
  ReportValidation validation =
      ValidateReport(state.input, app.municipalities, LatestIncidentDate(app), options);
  // The honeypot: people never see this field, so only robots fill it in.
  if (!form.Get("website").empty()) {
    validation.report.reset();
    validation.errors.push_back({"website", Problem::kInvalidText});
  }
  // Files are chosen on the summary; a browser cannot fill a file input again, so a page that
  // comes back says they were not kept.
  EvidenceUpload upload;
  upload.had_files = !files.empty();
  if (!validation.report) {
    state.errors = std::move(validation.errors);
    bool only_consent = std::all_of(state.errors.begin(), state.errors.end(),
                                    [](const FieldError& e) { return e.field == "consent"; });
    return WithCookies(only_consent ? ReviewPage(app, request, 422, state, upload)
                                    : FormPage(app, request, 422, state),
                       cookies);
  }
  if (reviewing) return WithCookies(ReviewPage(app, request, 200, state), cookies);

  // "Under attack": the browser proves some work for this form's key before anything costly.
  if (app.options.proof_of_work_bits > 0 &&
      !(has_key &&
        ProofOfWorkValid(state.submission_key, form.Get("pow"), app.options.proof_of_work_bits))) {
    state.errors.push_back({"pow", Problem::kRequired});
    return WithCookies(ReviewPage(app, request, 422, state, upload), cookies);
  }
  // Only reports that would be stored count against the client's limit; when over it, the
  // summary comes back with everything typed and a message to wait, and nothing is stored.
  if (!app.report_limits.Allow(request.client_address, static_cast<double>(app.now()))) {
    http::Response limited =
        WithCookies(ReviewPage(app, request, 429, state, upload, true), cookies);
    limited.Set("Retry-After", "60");
    return limited;
  }
  // Files are looked at only for a report that is otherwise ready to be stored; one refused
  // file sends the summary back and nothing is stored.
  upload = ProcessEvidence(app, LangOf(request), files, 0);
  if (!upload.problems.empty()) {
    return WithCookies(ReviewPage(app, request, 422, state, upload), cookies);
  }
  validation.report->evidence = std::move(upload.files);
  // The language the reporter used: staff see it, and every e-mail to the reporter is in it.
  validation.report->site_language = std::string(LangCode(LangOf(request)));
  // Stored, routed, closed when it asks for registration only, and confirmed by e-mail, as staff
  // intake registers a report; the receipt code comes from the submission key when there is one.
  ReportRegistration registered = RegisterReport(app, request, std::move(*validation.report),
                                                 has_key ? state.submission_key : "");
  if (registered.refusal) return std::move(*registered.refusal);
  const RegisteredReport& stored = registered.stored;
  http::Response response = http::Response::SeeOther(
      std::string(kReportReceivedPath) +
      "?r=" + app.signer.Sign(kReceiptPurpose, stored.reference) + "&b=" +
      app.signer.Sign(kReceiptBureauPurpose,
                      stored.reference + ":" + std::to_string(stored.bureau_id)));
  response.Add("Set-Cookie", ReceiptCookie(app, stored.reference, registered.receipt));
  return response;
}

http::Response PrivacyPage(const AppContext& app, const http::Request& request) {
  return RenderPage(app, request, 200, {"privacy", N_("Privacy statement"), {}, ""});
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
  // The bureau that will handle it: its contact under "what happens next" and its face.
  std::optional<long long> bureau_id;
  if (auto signed_bureau = app.signer.Verify(kReceiptBureauPurpose, request.QueryParam("b"))) {
    std::string prefix = *reference + ":";
    if (signed_bureau->starts_with(prefix)) {
      bureau_id = ParseId(std::string_view(*signed_bureau).substr(prefix.size()));
    }
  }
  if (app.faces && bureau_id) {
    auto faces = app.faces->Current();
    if (const BureauFace* face = faces->For(bureau_id)) data.set("bureau", FaceData(*face));
  }
  return RenderPage(app, request, 200,
                    {"report_received", N_("Your report has been received"), data,
                     "report_received.js", bureau_id});
}

}  // namespace meldpunt::web
