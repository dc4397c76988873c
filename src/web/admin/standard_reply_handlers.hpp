#pragma once
// The bureau's standard replies (standaardteksten) for its administrator
// (/medewerkers/standaardteksten): every text with its language and use, a form to add one or
// edit one (?bewerk=<id>), and per text a button to retire it or take it back into use. The texts
// are the bureau's own: another bureau's text is never shown or changed here (404).
#include <string>
#include <string_view>

#include "domain/cases/standard_reply.hpp"
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /medewerkers/standaardteksten
http::Response StaffStandardRepliesPage(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/standaardteksten: action (save, retire, restore), reply (the id; none when
// adding), title, lang, use, body.
http::Response StaffStandardRepliesAction(const AppContext& app, const StaffRequest& req);

// A problem of a text (CheckStandardReply, or "duplicate" / "too_many"), in the staff member's
// language: placeholder problems name the placeholder and its line.
std::string StandardReplyProblemText(const Translator& translator, Lang lang,
                                     const StandardReplyProblem& problem);

}  // namespace meldpunt::web
