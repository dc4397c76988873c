#pragma once
// The forms that work on a case, each a POST under /medewerkers/meldingen/{id}/ with the fields
// csrf and case_version (see case_request.hpp for what every one of them checks first).
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// …/stap: step (a step NextSteps offers: forward, skip, back, and from closed: reopen to
// evaluation or archive), text (optional). case_step_handlers.cpp
http::Response CaseStepPost(const AppContext& app, const http::Request& request);
// …/afsluiten: handlings (one or more), outcome, text (optional). case_step_handlers.cpp
http::Response CaseClosePost(const AppContext& app, const http::Request& request);
// …/actie: action, target (complaint procedures only), text. case_action_handlers.cpp
http::Response CaseActionPost(const AppContext& app, const http::Request& request);
// …/toestemming: consent (given, withdrawn), text (how it was given). case_action_handlers.cpp
http::Response CaseConsentPost(const AppContext& app, const http::Request& request);
// …/contact: contact (bureau_contacted, reporter_responded, missed_appointment,
// reply_received), text (optional). case_action_handlers.cpp
http::Response CaseContactPost(const AppContext& app, const http::Request& request);
// …/notitie: text. case_team_handlers.cpp
http::Response CaseNotePost(const AppContext& app, const http::Request& request);
// …/toewijzen: handler (a user id, or empty for nobody). case_team_handlers.cpp
http::Response CaseAssignPost(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
