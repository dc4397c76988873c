#pragma once
// Languages and translations. Message ids are the English text; catalogs are GNU gettext files
// (locale/<lang>/meldpunt.po, compiled to .mo at build time) read through Boost.Locale.
//
// The languages are data (issue 15): every catalog found at start is a language, described by its
// own header (language_registry.hpp). Dutch is the default and first, English second; both are
// required, because the staff pages, letters and figures files exist in those two only.
#include <cstdint>
#include <locale>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "web/common/language_registry.hpp"

namespace meldpunt::web {

// Marks a string literal as a message id for scripts/update-messages; the value is unchanged.
constexpr const char* N_(const char* msgid) { return msgid; }

std::string_view LangCode(Lang lang);
// The language of a request: ?lang= wins, then the mp_lang cookie, then the browser's
// Accept-Language when it prefers a public language other than Dutch or English, then Dutch.
// On staff pages (/medewerkers) only a staff language is returned: any other is English.
Lang LangOf(const http::Request& request);
// True when the request asked for a known language explicitly (then we remember it in a cookie).
bool LangChosenInQuery(const http::Request& request);
// The best public language of an Accept-Language header other than Dutch or English, if any:
// many Dutch readers have an English browser, so only a third language moves them off Dutch.
std::optional<Lang> LangOfAcceptLanguage(std::string_view header);

// Puts a value in the place of every "{name}"-style placeholder of a translated text.
std::string FillIn(std::string text, std::string_view placeholder, const std::string& value);

class Translator {
 public:
  // mo_dir holds <lang>/LC_MESSAGES/meldpunt.mo. Reads the languages from those catalogs and
  // installs them as the process's languages (Languages()); throws when Dutch or English is
  // missing.
  explicit Translator(const std::string& mo_dir);
  std::string Get(Lang lang, std::string_view msgid) const;
  // Whether the catalog has a translation (for tests of completeness and the review table).
  bool Has(Lang lang, std::string_view msgid) const;
  const LanguageRegistry& languages() const { return Languages(); }

 private:
  std::vector<std::locale> locales_;  // by Lang::index(); fixed after construction
};

}  // namespace meldpunt::web
