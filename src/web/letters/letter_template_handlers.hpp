#pragma once
// A bureau's letter templates (briefsjablonen) at /medewerkers/briefsjablonen, for its admin: the
// Dutch and the English text of the letter to the other party, and the letterhead's address.
#include <cstddef>

#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

inline constexpr const char* kLetterTemplatesPath = "/medewerkers/briefsjablonen";
inline constexpr const char* kLetterheadPath = "/medewerkers/briefsjablonen/briefhoofd";
// A template may hold 20,000 characters, which URL-encoded can be more than the default 64 KiB.
inline constexpr size_t kLetterTemplateBodyLimit = 256 * 1024;

// GET /medewerkers/briefsjablonen
http::Response LetterTemplatesPage(const AppContext& app, const http::Request& request);
// POST /medewerkers/briefsjablonen: fields csrf, lang (nl/en), subject, body, closing, and
// action "save" (default) or "reset" (back to the built-in text).
http::Response SaveLetterTemplate(const AppContext& app, const http::Request& request);
// POST /medewerkers/briefsjablonen/briefhoofd: fields csrf, address.
http::Response SaveLetterhead(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
