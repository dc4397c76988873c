#pragma once
// Languages and translations. Message ids are the English text; catalogs are GNU gettext files
// (locale/<lang>/meldpunt.po, compiled to .mo at build time) read through Boost.Locale.
#include <array>
#include <locale>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace meldpunt::web {

// Marks a string literal as a message id for scripts/update-messages; the value is unchanged.
constexpr const char* N_(const char* msgid) { return msgid; }

enum class Lang { kNl, kEn };  // Dutch first
inline constexpr std::array<Lang, 2> kAllLangs = {Lang::kNl, Lang::kEn};

std::string_view LangCode(Lang lang);
// ?lang= wins, then the mp_lang cookie, then Dutch.
Lang LangOf(const http::Request& request);
// True when the request asked for a language explicitly (then we remember it in a cookie).
bool LangChosenInQuery(const http::Request& request);

// Puts a value in the place of every "{name}"-style placeholder of a translated text.
std::string FillIn(std::string text, std::string_view placeholder, const std::string& value);

class Translator {
 public:
  // mo_dir holds <lang>/LC_MESSAGES/meldpunt.mo.
  explicit Translator(const std::string& mo_dir);
  std::string Get(Lang lang, std::string_view msgid) const;
  // Whether the catalog has a translation (for tests of completeness).
  bool Has(Lang lang, std::string_view msgid) const;

 private:
  std::array<std::locale, 2> locales_;
};

}  // namespace meldpunt::web
