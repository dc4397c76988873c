#pragma once
// The public side of the bureaus' faces (issue 15): the page "Andere manieren om te melden" and
// each bureau's colours and logo. All from memory (web/common/bureau_faces.hpp): they run on the
// I/O thread.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// GET /andere-manieren-om-te-melden: phone, desk, WhatsApp, e-mail and post, per bureau with its
// municipalities when there are several.
http::Response OtherWaysPage(const AppContext& app, const http::Request& request);
// What that page shows, from the faces in memory; also what read-aloud reads of it.
TemplateData OtherWaysData(const AppContext& app);
// GET /huisstijl/<id>/kleuren.css and /huisstijl/<id>/logo.png (?v= the version in the URL the
// pages give; with the current version the answer may be cached for a year).
http::Response BureauThemeSheet(const AppContext& app, const http::Request& request);
http::Response BureauLogo(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
