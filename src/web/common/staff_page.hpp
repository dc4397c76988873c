#pragma once
// What every staff page shares: the signed-in staff member (from the session cookie) and the
// staff menu with the logout form.
#include <optional>
#include <string>

#include "http/message.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/app.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

// Pages for signed-in staff carry the staff menu with the logout form, which needs the
// anti-forgery token (set on `cookies` when new).
Page StaffPage(const AppContext& app, const http::Request& request, http::Response& cookies,
               const StaffSession& staff, std::string template_name, std::string title,
               TemplateData data);

// The signed-in staff member, when the session cookie names a live session.
std::optional<StaffSession> CurrentStaff(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
