#pragma once
// What the report form and its summary page show: the typed values read back from a posted form,
// the template data for the form in steps, and the summary to check before sending.
#include <string>
#include <vector>

#include "domain/reports/report.hpp"
#include "http/form.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The steps of the form; the summary is the last one.
inline constexpr int kReportSteps = 5;

ReportInput ReportInputFrom(const http::FormFields& form);

// The latest incident date accepted: reporters anywhere may be a day ahead of UTC, so tomorrow
// in UTC.
Date LatestIncidentDate(const AppContext& app);

// The step (1-4) of the form that asks for a field; 0 when none does.
int StepOfField(std::string_view field);

struct FormState {
  std::string csrf;
  std::string submission_key;
  ReportInput input;
  std::vector<FieldError> errors;
  int open_step = 0;  // the step to show first; 0: the step of the first error, else the first
};

// When it happened, as the reader's language writes it: "3 november 2026", "ongeveer oktober
// 2026", "ongeveer 2026".
std::string IncidentDateText(const AppContext& app, Lang lang, const IncidentDate& date);

// The form in steps (templates/report_form.mustache).
TemplateData ReportFormData(const AppContext& app, Lang lang, const FormState& state);
// The summary with every value as a hidden field (templates/report_review.mustache).
TemplateData ReportReviewData(const AppContext& app, Lang lang, const FormState& state);

// The user-facing text for a validation problem on a field.
const char* ProblemMessage(const std::string& field, Problem problem);

// Sets <field>_error beside each field (its first problem only) and the error summary
// (has_errors, errors: field and message), in the page's language.
using ProblemMessageFn = const char* (*)(const std::string& field, Problem problem);
void SetFieldErrors(const AppContext& app, Lang lang, const std::vector<FieldError>& errors,
                    TemplateData& data, ProblemMessageFn message_of = ProblemMessage);

}  // namespace meldpunt::web
