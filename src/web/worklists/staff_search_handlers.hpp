#pragma once
// Search over the bureau's cases for staff (/medewerkers/zoeken). The form is sent with POST so
// that a free-text term (a name, an e-mail address) never ends up in a URL, the browser's history
// or a proxy's log; paging posts the same fields again.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

inline constexpr int kSearchPageSize = 50;
// With free text, at most this many reports (the newest that pass the other filters) are
// decrypted and matched; the page says so when there were more.
inline constexpr int kMaxSearchCandidates = 5000;

// GET /medewerkers/zoeken: the empty form.
http::Response StaffSearchPage(const AppContext& app, const StaffRequest& request);
// POST /medewerkers/zoeken: the results, or the form with what to correct (422).
http::Response StaffSearch(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
