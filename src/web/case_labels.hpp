#pragma once
// The words staff read for the codes of case handling that the work lists and the search show:
// protocol steps, handling codes (afhandeling) and deadlines. Message ids are English; the
// catalogs hold the Dutch. LabelOf (report_options.hpp) looks a code up in any of these lists.
// The case page's branch has the same functions with more lists (actions, outcomes, events);
// the names and texts here are the same as there.
#include <span>

#include "web/report_options.hpp"

namespace meldpunt::web {

std::span<const CodeLabel> StepLabels();           // StepCode
std::span<const CodeLabel> HandlingLabels();       // kHandlings
std::span<const CodeLabel> DeadlineLabels();       // DeadlineKindCode
std::span<const CodeLabel> DeadlineStateLabels();  // DeadlineStateCode

}  // namespace meldpunt::web
