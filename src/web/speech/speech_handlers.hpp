#pragma once
// The read-aloud routes (issue 15).
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

// GET /voorlezen/<page>/<section>?taal=<code>[&v=<version>]: the section as Ogg/Opus audio.
http::Response ReadAloudSection(const AppContext& app, const http::Request& request);
// POST /voorlezen/tekst (tekst, taal, csrf): the reporter's own text read back; never cached,
// stored or logged.
http::Response ReadAloudTypedText(const AppContext& app, const FormRequest& request);
// GET /voorlezen/taal?taal=<code>&terug=<path>: remembers the speech language, then goes back.
http::Response ChooseSpeechLanguage(const AppContext& app, const http::Request& request);

}  // namespace meldpunt::web
