#pragma once
// What report_form.js needs to check a step of the report form when the reporter presses "Next":
// the server's own messages for the problems it can find in the browser, and the few numbers and
// codes its rules use. Rendered into the form (data-step-check) so that the texts and limits have
// one source, the server; the server still checks everything again when the form is sent.
#include <string>
#include <string_view>

#include "domain/reports/report.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

// The name report_form.js uses for a problem ("required", "invalid_date", ...).
std::string_view ProblemKey(Problem problem);

// A JSON object: {"messages": {field: {problem key: text}}, "rules": {...}}, in the language.
std::string StepCheckJson(const Translator& translator, Lang lang);

}  // namespace meldpunt::web
