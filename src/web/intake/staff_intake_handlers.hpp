#pragma once
// Staff register a report that came in by phone, e-mail, letter, at a desk or through an app
// (/medewerkers/registreren): one page with the public form's questions, the channel, the day it
// was received and the reporter's consent. The report passes the same validation as the public
// form, is stored and routed the same way, and gets a receipt code that is shown once, to be
// passed on to the reporter.
#include <string_view>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// GET /medewerkers/registreren: the empty form.
http::Response StaffIntakePage(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/registreren: 422 with the form as typed and a message per problem, or 200
// with the confirmation: the reference, the receipt code and a link to the case.
http::Response StaffIntakeSubmit(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
