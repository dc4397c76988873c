#pragma once
// The staff side (medewerkers): login, the list of reports, counts per municipality, logout.
#include <optional>

#include "http/message.hpp"
#include "store/store.hpp"
#include "web/app.hpp"
#include "web/pages.hpp"

namespace meldpunt::web {

http::Response StaffLoginPage(const AppContext& app, const http::Request& request);
http::Response StaffLogin(const AppContext& app, const http::Request& request);
http::Response StaffLogout(const AppContext& app, const http::Request& request);
http::Response StaffReportsPage(const AppContext& app, const http::Request& request);
http::Response StaffFiguresPage(const AppContext& app, const http::Request& request);

// Pages for signed-in staff carry the staff menu with the logout form, which needs the
// anti-forgery token (set on `cookies` when new).
Page StaffPage(const AppContext& app, const http::Request& request, http::Response& cookies,
               const StaffSession& staff, std::string template_name, std::string title,
               TemplateData data);

// The signed-in staff member, when the session cookie names a live session.
std::optional<StaffSession> CurrentStaff(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
