#pragma once
// Own initiative (eigen initiatief) on a case: the case page's part (_case_own_initiative) that
// shows the marker and lets staff set it with its reason and why, or end it, and the POST that
// records it (…/eigen-initiatief) as a case event. The letters page reads the marker
// (OwnInitiativeOfCase) and says why a letter may go without consent.
#include <string>
#include <vector>

#include "http/message.hpp"
#include "store/case_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// The reason the case is marked with now ("general_rule", "observation"), or "".
std::string OwnInitiativeOfCase(const std::vector<CaseEvent>& events);

// "…because the bureau acts on its own initiative on a general rule…": why a letter may go without
// the reporter's consent, as a message id; nullptr for an empty reason.
const char* OwnInitiativeLetterReason(std::string_view reason);
// The reason's label ("A general rule", "An observation (signalering)"), as a message id.
const char* OwnInitiativeLabel(std::string_view reason);

void AddCaseOwnInitiative(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                          const RegisteredReport& report, const std::vector<CaseEvent>& events,
                          const CaseFormError* error);

// POST …/eigen-initiatief: reason (general_rule, observation, or ended), text (why; required when
// marking), csrf and case_version.
http::Response CaseOwnInitiativePost(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
