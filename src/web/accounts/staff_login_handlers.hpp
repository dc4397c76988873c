#pragma once
// Staff login in two steps (inloggen): the password, then the second factor. A staff member
// without a second factor sets one up right after the password (enrolment) and gets recovery
// codes. No session exists before the second factor: in between, the browser holds only a
// half-login cookie that opens nothing but these pages, for five minutes.
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr const char* kStaffLoginPath = "/medewerkers/login";
inline constexpr const char* kSecondFactorPath = "/medewerkers/login/code";
inline constexpr const char* kEnrolPath = "/medewerkers/login/instellen";

http::Response StaffLoginPage(const AppContext& app, const http::Request& request);
http::Response StaffLogin(const AppContext& app, const http::Request& request);
http::Response StaffSecondFactorPage(const AppContext& app, const http::Request& request);
http::Response StaffSecondFactor(const AppContext& app, const http::Request& request);
http::Response StaffEnrolPage(const AppContext& app, const http::Request& request);
http::Response StaffEnrol(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
