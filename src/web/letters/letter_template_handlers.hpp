#pragma once
// A bureau's letter templates (briefsjablonen) at /medewerkers/briefsjablonen, for its admin: the
// Dutch and the English text of the letter to the other party, and the letterhead's address.
#include <cstddef>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// A template may hold 20,000 characters, which URL-encoded can be more than the default 64 KiB.
inline constexpr size_t kLetterTemplateBodyLimit = 256 * 1024;

// For the bureau admin (the routes' policy: Permission::kManageBureauSettings); an account
// without a bureau gets 403.
// GET /medewerkers/briefsjablonen
http::Response LetterTemplatesPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/briefsjablonen: fields csrf, lang (nl/en), subject, body, closing, and
// action "save" (default) or "reset" (back to the built-in text).
http::Response SaveLetterTemplate(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/briefsjablonen/briefhoofd: fields csrf, address.
http::Response SaveLetterhead(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
