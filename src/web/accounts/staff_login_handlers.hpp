#pragma once
// Staff login in two steps (inloggen): the password, then the second factor. A staff member
// without a second factor sets one up right after the password (enrolment) and gets recovery
// codes. No session exists before the second factor: in between, the browser holds only a
// half-login cookie that opens nothing but these pages, for five minutes.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

http::Response StaffLoginPage(const AppContext& app, const http::Request& request);
// POST forms: the route policy (AddForm) parsed the form and checked its anti-forgery token.
http::Response StaffLogin(const AppContext& app, const FormRequest& req);
http::Response StaffSecondFactorPage(const AppContext& app, const http::Request& request);
http::Response StaffSecondFactor(const AppContext& app, const FormRequest& req);
http::Response StaffEnrolPage(const AppContext& app, const http::Request& request);
http::Response StaffEnrol(const AppContext& app, const FormRequest& req);

}  // namespace meldpunt::web
