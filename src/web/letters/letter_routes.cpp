#include "web/letters/letter_routes.hpp"

#include "web/letters/letter_handlers.hpp"
#include "web/letters/letter_template_handlers.hpp"

namespace meldpunt::web {

void AddLetterRoutes(const AppContext& app, http::Router& router) {
  using http::Method;
  using http::Runs;
  auto bind = [&app](http::Response (*handler)(const AppContext&, const http::Request&)) {
    return [&app, handler](const http::Request& request) { return handler(app, request); };
  };
  router.Add(Method::kGet, kLetterTemplatesPath, bind(LetterTemplatesPage));
  router.Add(Method::kPost, kLetterTemplatesPath, bind(SaveLetterTemplate), Runs::kOnWorker,
             kLetterTemplateBodyLimit);
  router.Add(Method::kPost, kLetterheadPath, bind(SaveLetterhead));
  router.Add(Method::kGet, kLetterFormPath, bind(CaseLetterPage));
  router.Add(Method::kPost, kLetterFormPath, bind(CaseLetterAction), Runs::kOnWorker,
             kLetterFormBodyLimit);
  router.Add(Method::kGet, kLetterPdfPath, bind(CaseLetterDownload));
  router.Add(Method::kPost, kLetterReplyPath, bind(CaseLetterReply));
}

}  // namespace meldpunt::web
