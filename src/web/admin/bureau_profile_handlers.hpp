#pragma once
// The bureau's own details and face (gegevens van het bureau, issue 15), for its admin: the name
// the public sees, how to reach the bureau, the other ways to report, its colours and its logo.
// Phone, e-mail and postal address are the letterhead's: letters print what is typed here.
#include "http/message.hpp"
#include "http/request_form.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// The logo upload: one file, at most this large before re-encoding.
inline constexpr size_t kMaxLogoUploadBytes = 2 * 1024 * 1024;
// The box a logo is made to fit (CSS pixels at twice the header's size) and the most it may weigh.
inline constexpr int kLogoMaxWidth = 480;
inline constexpr int kLogoMaxHeight = 160;
inline constexpr size_t kMaxLogoBytes = 256 * 1024;

http::FormLimits LogoFormLimits();

// GET /medewerkers/gegevens-bureau
http::Response StaffBureauProfilePage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/gegevens-bureau: the whole profile; all or nothing.
http::Response StaffBureauProfileSave(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/gegevens-bureau/logo: a new logo (field `logo`), or `remove=1`.
http::Response StaffBureauLogoSave(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
