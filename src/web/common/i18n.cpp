#include "web/common/i18n.hpp"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

namespace meldpunt::web {

std::string_view LangCode(Lang lang) { return lang == Lang::kEn ? "en" : "nl"; }

namespace {
std::optional<Lang> ParseLang(std::string_view code) {
  if (code == "nl") return Lang::kNl;
  if (code == "en") return Lang::kEn;
  return std::nullopt;
}
}  // namespace

Lang LangOf(const http::Request& request) {
  if (auto lang = ParseLang(request.QueryParam("lang"))) return *lang;
  if (auto lang = ParseLang(request.Cookie("mp_lang"))) return *lang;
  return Lang::kNl;
}

bool LangChosenInQuery(const http::Request& request) {
  return ParseLang(request.QueryParam("lang")).has_value();
}

Translator::Translator(const std::string& mo_dir) {
  boost::locale::generator generator;
  generator.add_messages_path(mo_dir);
  generator.add_messages_domain("meldpunt");
  locales_[0] = generator("nl_NL.UTF-8");
  locales_[1] = generator("en_GB.UTF-8");
}

std::string Translator::Get(Lang lang, std::string_view msgid) const {
  std::string id(msgid);
  return boost::locale::translate(id).str(locales_[static_cast<int>(lang)]);
}

bool Translator::Has(Lang lang, std::string_view msgid) const {
  std::string id(msgid);
  const auto& facet =
      std::use_facet<boost::locale::message_format<char>>(locales_[static_cast<int>(lang)]);
  return facet.get(0, nullptr, id.c_str()) != nullptr;
}

std::string FillIn(std::string text, std::string_view placeholder, const std::string& value) {
  for (size_t pos = 0; (pos = text.find(placeholder, pos)) != std::string::npos;
       pos += value.size()) {
    text.replace(pos, placeholder.size(), value);
  }
  return text;
}

}  // namespace meldpunt::web
