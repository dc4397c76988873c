#pragma once
// Following a report up without an account (/melden/volgen): the reporter types the receipt code
// (volgcode), sees the status and the messages with the bureau, and answers.
#include <optional>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// GET: the thread when the reporter is "in" (a live follow-up session), else the receipt form.
http::Response FollowUpPage(const AppContext& app, const http::Request& request);
// POST: checks the receipt (rate-limited), starts a follow-up session and shows the thread.
http::Response FollowUpSignIn(const AppContext& app, const FormRequest& request);
// POST /melden/volgen/bericht: the reporter's answer.
http::Response FollowUpReply(const AppContext& app, const FormRequest& request);
// POST /melden/volgen/afsluiten: ends the follow-up session.
http::Response FollowUpSignOut(const AppContext& app, const FormRequest& request);

// The report of the follow-up session named by the request's cookie, when it is live.
std::optional<long long> CurrentFollowUp(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
