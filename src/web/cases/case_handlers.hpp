#pragma once
// The forms that work on a case, each a POST under /medewerkers/meldingen/{id}/ with the fields
// csrf and case_version. Their route policy (case_routes.cpp) checks the form, the token and the
// role; case_request.hpp the case and its version.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// …/stap: step (a step NextSteps offers: forward, skip, back, and from closed: reopen to
// evaluation or archive), text (optional). case_step_handlers.cpp
http::Response CaseStepPost(const AppContext& app, const StaffRequest& request);
// …/afsluiten: handlings (one or more), outcome, text (optional). case_step_handlers.cpp
http::Response CaseClosePost(const AppContext& app, const StaffRequest& request);
// …/actie: action, target (complaint procedures only), text. case_action_handlers.cpp
http::Response CaseActionPost(const AppContext& app, const StaffRequest& request);
// …/toestemming: consent (given, withdrawn), text (how it was given). case_action_handlers.cpp
http::Response CaseConsentPost(const AppContext& app, const StaffRequest& request);
// …/contact: contact (bureau_contacted, reporter_responded, missed_appointment,
// reply_received), text (optional). case_action_handlers.cpp
http::Response CaseContactPost(const AppContext& app, const StaffRequest& request);
// …/notitie: text. case_team_handlers.cpp
http::Response CaseNotePost(const AppContext& app, const StaffRequest& request);
// …/toewijzen: handler (a user id, or empty for nobody). case_team_handlers.cpp
http::Response CaseAssignPost(const AppContext& app, const StaffRequest& request);
// …/bemiddeling: date (YYYY-MM-DD), time (HH:MM), place, participants (optional): plans the
// case's mediation or changes the plan. case_mediation_handlers.cpp
http::Response CaseMediationPost(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
