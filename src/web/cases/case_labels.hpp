#pragma once
// The words staff read for the codes of case handling: protocol steps, actions, complaint
// procedures, handling codes (afhandeling), outcomes, history events, contact kinds and
// deadlines. Message ids are English; the catalogs hold the Dutch. LabelOf (report_options.hpp)
// looks a code up in any of these lists.
#include <span>
#include <string_view>

#include "domain/cases/case_protocol.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

std::span<const CodeLabel> StepLabels();        // StepCode
std::span<const CodeLabel> TransitionLabels();  // TransitionKindCode: a hint beside a step
std::span<const CodeLabel> ActionLabels();      // ActionCode
std::span<const CodeLabel> TargetLabels();      // TargetCode
std::span<const CodeLabel> HandlingLabels();    // kHandlings
std::span<const CodeLabel> OutcomeLabels();     // kOutcomes
std::span<const CodeLabel> EventLabels();       // CaseEventCode
// What the contact form records: the codes of kContactCodes (a contact event), and
// missed_appointment and reply_received (events of their own).
std::span<const CodeLabel> ContactLabels();
std::span<const CodeLabel> ConsentLabels();        // given, withdrawn
std::span<const CodeLabel> DeadlineLabels();       // DeadlineKindCode
std::span<const CodeLabel> DeadlineStateLabels();  // DeadlineStateCode

// Every list above, for the test that each has a Dutch translation.
std::span<const std::span<const CodeLabel>> AllCaseLabelLists();

}  // namespace meldpunt::web
