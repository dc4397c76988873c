#pragma once
// One Add…Routes per feature, each in its folder (<feature>/<feature>_routes.cpp): the routes of
// that feature with their handlers and policies. routes.cpp calls them all.
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

void AddPublicRoutes(RouteTable& routes);    // public/: home, report form, privacy
void AddFollowUpRoutes(RouteTable& routes);  // followup/: the reporter's follow-up thread
void AddAccountRoutes(RouteTable& routes);   // accounts/: login, sessions, staff accounts
void AddWorklistRoutes(RouteTable& routes);  // worklists/: reports, deadlines, search
void AddIntakeRoutes(RouteTable& routes);    // intake/: staff registering a report
void AddCaseRoutes(RouteTable& routes);      // cases/: one report and its case
void AddPrivacyRoutes(RouteTable& routes);   // privacy/: access, correction, erasure
void AddLetterRoutes(RouteTable& routes);    // letters/: letters to the other party
void AddMassRoutes(RouteTable& routes);      // mass/: mass reports
void AddFiguresRoutes(RouteTable& routes);   // figures/: public and staff figures
void AddAdminRoutes(RouteTable& routes);     // admin/: bureaus, settings, code lists, audit log
void AddSpeechRoutes(RouteTable& routes);    // speech/: read-aloud of the public pages
void AddApiRoutes(RouteTable& routes);       // api/: the partner intake API (issue 17)

}  // namespace meldpunt::web
