#pragma once
// The read-aloud control of a public page (templates/speech/_read_aloud.mustache): one <audio> per
// section of the page's text, the speech-language form, and what the script needs to read the
// sections in order.
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The cookie that remembers the speech language (a language code).
inline constexpr const char* kSpeechCookie = "mp_speech";

// The speech language of a visitor: their choice in the cookie when offered, else the page's
// language when offered, else empty (no read-aloud).
std::string SpeechLangOf(const AppContext& app, const http::Request& request);

// Sets "read_aloud" in the layout's data when the page is read aloud; else leaves it unset. The
// title tells the error pages apart (they share one template).
void AddReadAloudControl(const AppContext& app, const http::Request& request,
                         std::string_view template_name, std::string_view title_msgid,
                         TemplateData& layout);

// The name of a language in itself ("Türkçe"), for the speech-language choice.
std::string LanguageEndonym(std::string_view code);

// Whether `path` is a path on this site to go back to (not another site: no "//", no scheme).
bool IsLocalPath(std::string_view path);

}  // namespace meldpunt::web
