#include "web/api/api_problem.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "base/text.hpp"
#include "web/common/error_texts.hpp"

namespace meldpunt::web {
namespace json = boost::json;

Lang ApiLang(const http::Request& request) {
  auto header = request.Header("accept-language");
  if (!header) return Lang::kNl;
  std::string_view rest = header->substr(0, 512);
  for (int entries = 0; !rest.empty() && entries < 20; ++entries) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    std::string tag = Trim(item.substr(0, item.find(';')));
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool refused = item.find("q=0") != std::string_view::npos &&
                   item.find_first_of("123456789", item.find("q=0")) == std::string_view::npos;
    if (refused) continue;
    if (tag == "nl" || tag.starts_with("nl-")) return Lang::kNl;
    if (tag == "en" || tag.starts_with("en-")) return Lang::kEn;
  }
  return Lang::kNl;
}

http::Response JsonResponse(int status, std::string body) {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  response.Set("Content-Type", "application/json");
  return response;
}

http::Response ProblemResponse(const AppContext& app, const http::Request& request, int status,
                               std::string_view slug, const char* title, const char* detail,
                               const std::vector<ApiFieldProblem>& errors) {
  Lang lang = ApiLang(request);
  json::object problem;
  problem["type"] = std::string(kProblemTypePrefix) + std::string(slug);
  problem["title"] = app.translator.Get(lang, title);
  problem["status"] = status;
  problem["detail"] = app.translator.Get(lang, detail);
  if (!errors.empty()) {
    json::array list;
    for (const auto& error : errors) {
      list.push_back(json::object{{"field", error.field},
                                  {"code", error.code},
                                  {"message", app.translator.Get(lang, error.message)}});
    }
    problem["errors"] = std::move(list);
  }
  http::Response response = JsonResponse(status, json::serialize(problem));
  response.Set("Content-Type", "application/problem+json");
  response.Set("Content-Language", std::string(LangCode(lang)));
  return response;
}

http::Response ApiErrorResponse(const AppContext& app, const http::Request& request, int status) {
  // The error pages' texts: translated in every catalog, and the same words as the page a
  // browser gets for the same status.
  auto texts = StatusErrorTexts();
  const ErrorText* text = &texts.front();
  for (const auto& t : texts) {
    if (t.status == status) text = &t;
  }
  return ProblemResponse(app, request, status, "http-" + std::to_string(status), text->title,
                         text->explanation);
}

}  // namespace meldpunt::web
