#include "web/speech/speech_handlers.hpp"

#include <cstring>

#include "http/cookies.hpp"
#include "web/common/pages.hpp"
#include "web/speech/read_aloud.hpp"
#include "web/speech/read_aloud_control.hpp"
#include "web/speech/speech_paths.hpp"

namespace meldpunt::web {

namespace {

// A URL with ?v= names one version of the text: it never changes, so browsers keep it a year.
// Without it (or with an old version) the answer may change when the text does.
constexpr const char* kCacheVersioned = "public, max-age=31536000, immutable";
constexpr const char* kCacheUnversioned = "public, max-age=3600";

http::Response AudioResponse(const std::string& audio) {
  http::Response response{200, {}, audio};
  response.Set("Content-Type", "audio/ogg");
  return response;
}

http::Response Busy(const AppContext& app, const http::Request& request) {
  http::Response response = ErrorPage(app, 503, &request);
  response.Set("Retry-After", "5");
  return response;
}

}  // namespace

http::Response ReadAloudSection(const AppContext& app, const http::Request& request) {
  ReadAloud* read_aloud = ReadAloudOf(app);
  if (!read_aloud) return ErrorPage(app, 404, &request);
  std::string_view rest = request.path;
  rest.remove_prefix(std::strlen(kReadAloudPrefix));
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return ErrorPage(app, 404, &request);
  std::string_view slug = rest.substr(0, slash);
  std::string_view id = rest.substr(slash + 1);
  std::string code = request.QueryParam("taal");
  std::shared_ptr<const PageSection> section = read_aloud->Section(slug, id, code);
  if (!section) return ErrorPage(app, 404, &request);

  std::string etag = read_aloud->ETagOf(slug, *section, code);
  const char* cache =
      request.QueryParam("v") == section->version ? kCacheVersioned : kCacheUnversioned;
  if (request.Header("if-none-match") == etag) {
    http::Response not_modified{304, {}, ""};
    not_modified.Set("ETag", etag);
    not_modified.Set("Cache-Control", cache);
    return not_modified;
  }
  auto result = read_aloud->SectionAudio(slug, *section, code);
  if (result.outcome == ReadAloud::Outcome::kBusy) return Busy(app, request);
  if (result.outcome != ReadAloud::Outcome::kOk) return ErrorPage(app, 404, &request);
  http::Response response = AudioResponse(*result.audio);
  response.Set("ETag", etag);
  response.Set("Cache-Control", cache);
  return response;
}

http::Response ReadAloudTypedText(const AppContext& app, const FormRequest& request) {
  ReadAloud* read_aloud = ReadAloudOf(app);
  if (!read_aloud) return ErrorPage(app, 404, &request.http);
  Lang lang = LangOf(request.http);
  std::string code = request.form.fields.Get("taal");
  if (code.empty()) code = SpeechLangOf(app, request.http);
  std::string text = request.form.fields.Get("tekst");
  auto refuse = [&](const char* msgid) {
    http::Response response = http::Response::Text(400, app.translator.Get(lang, msgid));
    response.Set("Cache-Control", "no-store");
    return response;
  };
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return refuse(N_("There is no text to read aloud yet. Write your description first."));
  }
  if (!read_aloud->Offers(code)) {
    return refuse(N_("This language cannot be read aloud. Choose another speech language."));
  }
  auto result = read_aloud->TypedTextAudio(std::move(text), code);
  if (result.outcome == ReadAloud::Outcome::kTooLong) {
    return refuse(
        N_("Your text is longer than 2,000 characters, more than can be read aloud at once. Your "
           "text is kept; it is only not read aloud."));
  }
  if (result.outcome == ReadAloud::Outcome::kBusy) return Busy(app, request.http);
  if (result.outcome != ReadAloud::Outcome::kOk) {
    return refuse(N_("This language cannot be read aloud. Choose another speech language."));
  }
  http::Response response = AudioResponse(*result.audio);
  // The reporter's own words: no cache anywhere.
  response.Set("Cache-Control", "no-store");
  return response;
}

http::Response ChooseSpeechLanguage(const AppContext& app, const http::Request& request) {
  std::string back = request.QueryParam("terug");
  if (!IsLocalPath(back)) back = "/";
  http::Response response = http::Response::SeeOther(back);
  std::string code = request.QueryParam("taal");
  const ReadAloud* read_aloud = ReadAloudOf(app);
  if (read_aloud && read_aloud->Offers(code)) {
    response.Add("Set-Cookie", http::SetCookie(kSpeechCookie, code,
                                               {.http_only = true,
                                                .secure = false,
                                                .same_site = "Lax",
                                                .max_age = 365LL * 24 * 3600}));
  }
  return response;
}

}  // namespace meldpunt::web
