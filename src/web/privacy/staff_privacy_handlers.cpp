#include "web/privacy/staff_privacy_handlers.hpp"

#include "domain/cases/bureau_settings.hpp"
#include "domain/cases/correction.hpp"
#include "domain/cases/retention.hpp"
#include "domain/dutch_time.hpp"
#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/privacy_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/privacy/report_export.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

std::string ReportPath(long long id) {
  return std::string(kStaffReportsPrefix) + std::to_string(id);
}

http::Response Render(const AppContext& app, const http::Request& request,
                      const StaffSession& staff, int status, const char* template_name,
                      const char* title, TemplateData data) {
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, template_name, title, std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

// The correction form, with what is stored or what was typed, and the problems found.
http::Response CorrectionForm(const AppContext& app, const http::Request& request,
                              const StaffSession& staff, const RegisteredReport& report, int status,
                              const CorrectionInput& values,
                              const std::vector<FieldError>& errors) {
  Lang lang = LangOf(request);
  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  data.set("anonymous", Bool(report.anonymous));
  data.set("description", values.description);
  data.set("contact_name", values.contact_name);
  data.set("contact_email", values.contact_email);
  data.set("contact_phone", values.contact_phone);
  data.set("max_description", std::to_string(kMaxDescriptionChars));
  data.set("max_name", std::to_string(kMaxNameChars));
  data.set("max_email", std::to_string(kMaxEmailChars));
  data.set("max_phone", std::to_string(kMaxPhoneChars));
  kainjow::mustache::list summary;
  for (const auto& error : errors) {
    if (data.get(error.field + "_error")) continue;  // the first problem of a field
    std::string message =
        error.problem == Problem::kContactRequired
            ? app.translator.Get(lang, N_("Keep an e-mail address or a phone number. To remove "
                                          "every way to reach the reporter, erase the personal "
                                          "data instead."))
            : app.translator.Get(lang, ProblemMessage(error.field, error.problem));
    data.set(error.field + "_error", message);
    TemplateData item;
    item.set("field", error.field);
    item.set("message", message);
    summary.push_back(item);
  }
  data.set("errors", summary);
  data.set("has_errors", Bool(!errors.empty()));
  return Render(app, request, staff, status, "staff_report_correct", N_("Correct the report"),
                std::move(data));
}

http::Response ErasePage(const AppContext& app, const http::Request& request,
                         const StaffSession& staff, const RegisteredReport& report, int status) {
  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  data.set("confirm_error",
           status == 422 ? app.translator.Get(LangOf(request),
                                              N_("Tick the box to confirm that the reporter asked "
                                                 "for this."))
                         : std::string());
  return Render(app, request, staff, status, "staff_report_erase", N_("Erase personal data"),
                std::move(data));
}

}  // namespace

http::Response StaffReportExportPage(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  ReportExport data = GatherExport(app, report);
  // Handing the case's personal data out goes on the record before it is shown.
  app.audit.Audit(req.staff.user_id, "report.export", report.reference + ": page", app.now());
  return Render(app, req.http, req.staff, 200, "staff_report_export", N_("Access request"),
                ExportPageData(app, LangOf(req.http), data));
}

http::Response StaffReportExportJson(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  ReportExport data = GatherExport(app, report);
  app.audit.Audit(req.staff.user_id, "report.export", report.reference + ": json", app.now());
  http::Response response{200, {}, ExportJson(app, LangOf(req.http), data)};
  response.Set("Content-Type", "application/json; charset=utf-8");
  response.Set("Content-Disposition", "attachment; filename=\"" + ExportFileName(report) + "\"");
  return response;
}

http::Response StaffReportCorrectPage(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  if (report.anonymised_at) return http::Response::SeeOther(ReportPath(report.id));
  // The form shows the stored personal data: a read, on the record first.
  app.audit.Audit(req.staff.user_id, "report.read", report.reference + ": correction form",
                  app.now());
  CorrectionInput values{report.description, "", "", ""};
  if (report.contact) {
    values.contact_name = report.contact->name;
    values.contact_email = report.contact->email;
    values.contact_phone = report.contact->phone;
  }
  return CorrectionForm(app, req.http, req.staff, report, 200, values, {});
}

http::Response StaffReportCorrect(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  if (report.anonymised_at) return http::Response::SeeOther(ReportPath(report.id));
  CorrectionInput typed{form.Get("description"), form.Get("contact_name"),
                        form.Get("contact_email"), form.Get("contact_phone")};
  CorrectionValidation checked =
      ValidateCorrection(typed, report.anonymous, report.description, report.contact);
  if (!checked.correction) {
    return CorrectionForm(app, request, req.staff, report, 422, typed, checked.errors);
  }
  const ReportCorrection& correction = *checked.correction;
  if (correction.empty())
    return http::Response::SeeOther(ReportPath(report.id) + "?gecorrigeerd=0");
  if (!app.privacy.CorrectReport(report.id, correction)) return ErrorPage(app, 404, &request);
  // Which fields, never their old or new values.
  std::string fields = correction.description ? "description" : "";
  if (correction.contact) fields += fields.empty() ? "contact details" : ", contact details";
  app.audit.Audit(req.staff.user_id, "report.correct", report.reference + ": " + fields, app.now());
  return http::Response::SeeOther(ReportPath(report.id) + "?gecorrigeerd=1");
}

http::Response StaffReportErasePage(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  if (report.anonymised_at) return http::Response::SeeOther(ReportPath(report.id));
  return ErasePage(app, req.http, req.staff, report, 200);
}

http::Response StaffReportErase(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  if (report.anonymised_at) return http::Response::SeeOther(ReportPath(report.id));
  if (req.form.fields.Get("confirm") != "yes")
    return ErasePage(app, request, req.staff, report, 422);
  app.audit.Audit(req.staff.user_id, "report.erase", report.reference, app.now());
  if (!app.privacy.AnonymiseReport(report.id, app.now())) return ErrorPage(app, 404, &request);
  return http::Response::SeeOther(ReportPath(report.id) + "?gewist=1");
}

PrivacySection RenderPrivacySection(const AppContext& app, const http::Request& request,
                                    const StaffSession& staff, const RegisteredReport& report) {
  Lang lang = LangOf(request);
  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("corrected", Bool(request.QueryParam("gecorrigeerd") == "1"));
  data.set("unchanged", Bool(request.QueryParam("gecorrigeerd") == "0"));
  data.set("erased_now", Bool(request.QueryParam("gewist") == "1"));
  if (report.anonymised_at) data.set("anonymised_on", FormatDutchDateTime(*report.anonymised_at));
  if (report.closed_at) data.set("closed_on", FormatDutchDateTime(*report.closed_at));
  int months = BureauSettings::FromStored(app.bureaus.ReadBureauSettings(report.bureau_id))
                   .RetentionMonths();
  data.set("months", std::to_string(months));
  if (report.closed_at && !report.anonymised_at) {
    data.set("due_on", FormatIsoDate(DateOfUnixSeconds(RetentionDue(*report.closed_at, months))));
  }
  bool may_export = Allows(staff.role, Permission::kExportPersonalData);
  bool may_correct = Allows(staff.role, Permission::kHandleCases) && !report.anonymised_at;
  bool may_erase = may_export && !report.anonymised_at;
  data.set("may_export", Bool(may_export));
  data.set("may_correct", Bool(may_correct));
  data.set("may_erase", Bool(may_erase));
  data.set("has_actions", Bool(may_export || may_correct || may_erase));
  return {app.templates.Render("staff_report_privacy_notices", lang, data),
          app.templates.Render("staff_report_privacy", lang, data)};
}

}  // namespace meldpunt::web
