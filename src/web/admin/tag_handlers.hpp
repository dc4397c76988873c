#pragma once
// The bureau's tags (labels) for its administrator (/medewerkers/labels): every tag with how many
// open and how many cases in all carry it, a form to add one, and per tag a rename form and a
// button to retire it or take it back into use. Tags are the bureau's own: another bureau's tag
// is never shown or changed here.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/labels
http::Response StaffTagsPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/labels: action (add, rename, retire, restore), name, tag (its id).
http::Response StaffTagsAction(const AppContext& app, const StaffRequest& req);

// The reason a tag name was refused (CheckTagName's codes, "duplicate", "too_many"), as a msgid.
const char* TagProblemText(std::string_view problem);

}  // namespace meldpunt::web
