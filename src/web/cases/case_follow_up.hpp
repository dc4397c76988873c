#pragma once
// Follow-up dates on a case (opvolgdatum, terugbelafspraak: "bel terug op 12 maart", issue 14):
// a handler sets a date with a short note, and marks it done. Each is an entry in the case
// history (kind follow_up: code "set" with the date as detail and the note as its encrypted text,
// or "done"), so it needs no table of its own and the last entry says whether one is open. An
// open one is a deadline of the case (store/case_due.hpp): on the case page, on the deadlines
// page and in the list's next deadline.
//
// Choices: one open follow-up date per case (setting another replaces it; the history keeps the
// earlier one); a date from today up to two years ahead; the note at most 200 characters,
// optional. On a closed case nothing is planned: reopen it first.
#include <vector>

#include "http/message.hpp"
#include "store/case_store.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

inline constexpr size_t kMaxFollowUpNoteChars = 200;
inline constexpr int kMaxFollowUpDaysAhead = 2 * 366;

// …/opvolgen: datum (YYYY-MM-DD) and text (the note, optional) to set one; or klaar=1 to mark
// the open one done.
http::Response CaseFollowUpPost(const AppContext& app, const StaffRequest& request);

// The form's data for templates/cases/_case_follow_up.mustache: the open follow-up date and its
// note, and what was typed when the form came back with an error.
void AddCaseFollowUp(TemplateData& data, const AppContext& app, Lang lang,
                     const RegisteredReport& report, const std::vector<CaseEvent>& events,
                     const CaseFormError* error);

}  // namespace meldpunt::web
