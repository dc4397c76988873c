#include "web/common/i18n.hpp"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

#include "web/paths.hpp"

namespace meldpunt::web {

std::string_view LangCode(Lang lang) { return Languages().Info(lang).code; }

namespace {

constexpr size_t kMaxAcceptLanguage = 500;
constexpr int kMaxAcceptEntries = 20;

std::optional<Lang> ParseLang(std::string_view code) { return Languages().Find(code); }

bool OnStaffPage(const http::Request& request) {
  std::string_view staff = kStaffHomePath;
  return request.path == staff ||
         (request.path.starts_with(staff) && request.path.size() > staff.size() &&
          request.path[staff.size()] == '/');
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<Lang> LangOfAcceptLanguage(std::string_view header) {
  header = header.substr(0, kMaxAcceptLanguage);
  std::optional<Lang> best;
  double best_q = 0;
  int entries = 0;
  while (!header.empty() && entries++ < kMaxAcceptEntries) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    double q = 1.0;
    size_t semicolon = item.find(';');
    if (semicolon != std::string_view::npos) {
      std::string_view param = TrimSpaces(item.substr(semicolon + 1));
      if (param.starts_with("q=")) {
        try {
          q = std::stod(std::string(param.substr(2)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
      item = item.substr(0, semicolon);
    }
    std::string tag = Lower(TrimSpaces(item));
    std::string primary = tag.substr(0, tag.find('-'));
    std::optional<Lang> lang = ParseLang(primary);
    // The first of equal weights wins, as the browser listed them.
    if (lang && q > best_q) {
      best = lang;
      best_q = q;
    }
  }
  if (!best || *best == Lang::kNl || *best == Lang::kEn) return std::nullopt;
  return best;
}

Lang LangOf(const http::Request& request) {
  Lang lang = Lang::kNl;
  if (auto chosen = ParseLang(request.QueryParam("lang"))) {
    lang = *chosen;
  } else if (auto remembered = ParseLang(request.Cookie("mp_lang"))) {
    lang = *remembered;
  } else if (auto header = request.Header("accept-language")) {
    if (auto preferred = LangOfAcceptLanguage(*header)) lang = *preferred;
  }
  return OnStaffPage(request) ? StaffLang(lang) : lang;
}

bool LangChosenInQuery(const http::Request& request) {
  return ParseLang(request.QueryParam("lang")).has_value();
}

Translator::Translator(const std::string& mo_dir) {
  InstallLanguages(LanguageRegistry::FromCatalogs(mo_dir));
  boost::locale::generator generator;
  // Messages only (and the locale's name, which they need), for char: translating is all these
  // locales do, and the other facets of the ICU backend (collation, formatting, boundaries, four
  // character types) cost ~1.5 MiB of ICU data and tables for six languages (issue 16,
  // docs/design.md "Templates compiled on first use"). Dates and numbers use ICU directly
  // (locale_format.hpp).
  generator.categories(boost::locale::category_t::message | boost::locale::category_t::information);
  generator.characters(boost::locale::char_facet_t::char_f);
  generator.add_messages_path(mo_dir);
  generator.add_messages_domain("meldpunt");
  for (const LanguageInfo& info : Languages().infos()) {
    // The region only picks the catalog's folder by its language; UTF-8 throughout.
    locales_.push_back(generator(info.code + ".UTF-8"));
  }
}

std::string Translator::Get(Lang lang, std::string_view msgid) const {
  std::string id(msgid);
  return boost::locale::translate(id).str(locales_.at(lang.index()));
}

bool Translator::Has(Lang lang, std::string_view msgid) const {
  std::string id(msgid);
  const auto& facet =
      std::use_facet<boost::locale::message_format<char>>(locales_.at(lang.index()));
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
