#pragma once
// Staff-facing labels of the case codes: protocol steps, handling codes (afhandeling) and
// deadlines, in the same CodeLabel form as the report form's lists (web/report_options.hpp).
#include <span>

#include "web/report_options.hpp"

namespace meldpunt::web {

std::span<const CodeLabel> StepLabels();           // kAllSteps, by StepCode
std::span<const CodeLabel> HandlingLabels();       // kHandlings
std::span<const CodeLabel> DeadlineKindLabels();   // kAllDeadlineKinds, by DeadlineKindCode
std::span<const CodeLabel> DeadlineStateLabels();  // by DeadlineStateCode

}  // namespace meldpunt::web
