#pragma once
// Staff labels of a case's codes: the protocol steps (domain/case_protocol.hpp), the handling
// codes (afhandeling) and the outcomes (resultaat) of domain/handling.hpp, in the catalogs'
// words. The same CodeLabel lists as the report form's, so LabelOf and Choices work on them.
// (The case page's branch has a larger file of the same name with these three functions.)
#include <span>

#include "domain/case_protocol.hpp"
#include "web/report_options.hpp"

namespace meldpunt::web {

std::span<const CodeLabel> StepLabels();      // every CaseStep, in order
std::span<const CodeLabel> HandlingLabels();  // every entry of kHandlings, in order
std::span<const CodeLabel> OutcomeLabels();   // every entry of kOutcomes, in order

}  // namespace meldpunt::web
