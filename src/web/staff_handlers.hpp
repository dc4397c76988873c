#pragma once
// The staff side (medewerkers): the list of reports, counts per municipality, logout. Login is in
// staff_login_handlers.hpp.
#include <optional>

#include "http/message.hpp"
#include "store/store.hpp"
#include "web/app.hpp"
#include "web/pages.hpp"

namespace meldpunt::web {

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
