#pragma once
// How a report came in, in plain words for staff: the channel (kanaal), whether it is a melding
// or a klacht, and who registered it when a staff member did (intake).
#include <span>

#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

// Every channel, the public form's first; StaffChannelLabels() are those staff may choose.
std::span<const CodeLabel> ChannelLabels();
std::span<const CodeLabel> StaffChannelLabels();

// "Melding" or "Klacht": a report that asks for more than registration is a complaint.
const char* KindLabel(bool is_complaint);

// Sets on the case page's data: channel (label) and channel_code; kind (complaint or report),
// kind_label and complaint; and for a report registered by staff registered_by and
// registered_at (Dutch time). Reads who registered it from the store.
void SetIntakeFacts(const AppContext& app, Lang lang, const RegisteredReport& report,
                    TemplateData& data);

}  // namespace meldpunt::web
