#include "web/common/pages.hpp"
#include "web/feature_routes.hpp"
#include "web/speech/speech_handlers.hpp"
#include "web/speech/speech_paths.hpp"

namespace meldpunt::web {

void AddSpeechRoutes(RouteTable& routes) {
  using http::Method;
  // Making audio waits for the speech engine's thread: on a worker, never on an I/O thread.
  routes.AddPublic(Method::kGet, kReadAloudLanguagePath, ChooseSpeechLanguage,
                   http::Runs::kOnIoThread);
  routes.AddForm(kReadAloudTextPath, ReadAloudTypedText);
  routes.AddPublic(Method::kGet, kReadAloudSectionPath, ReadAloudSection);
}

}  // namespace meldpunt::web
