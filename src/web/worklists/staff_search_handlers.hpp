#pragma once
// Search over the bureau's cases for staff (/medewerkers/zoeken). A GET form since issue 14, so a
// search can be bookmarked and the back button works; the free text is the parameter q. The
// server's request log writes paths only, never the query (docs/design.md, "Search as a GET").
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

inline constexpr int kSearchPageSize = 50;
// With free text, at most this many reports (the newest that pass the other filters) are
// decrypted and matched; the page says so when there were more.
inline constexpr int kMaxSearchCandidates = 5000;

// GET /medewerkers/zoeken: the empty form without parameters; with them the results, or the form
// with what to correct (422).
http::Response StaffSearchPage(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
