#pragma once
// The moments of a case that its deadlines look at (domain/deadlines.hpp: CaseTimes), read from
// the report, its history and the messages with the reporter.
//
// Choices:
// - Receipt is confirmed when the report is registered: the web form shows the confirmation on
//   the spot, and staff confirm reports by phone, post or walk-in when they register them.
// - First contact: the bureau's first message in the follow-up thread, or the first contact
//   event (either way round: the bureau reached the reporter, or the reporter got in touch).
// - Heard from the reporter: their last message in the thread, or the last contact event
//   "the reporter responded".
// - A letter to the other party: a letter_sent event, or the action "letter to the other party";
//   the last of them counts. Its reply: the last reply_received event.
#include <vector>

#include "domain/deadlines.hpp"
#include "store/store.hpp"

namespace meldpunt::web {

CaseTimes CaseTimesOf(const RegisteredReport& report, const std::vector<CaseEvent>& events,
                      const std::vector<ThreadMessage>& messages);

}  // namespace meldpunt::web
