#include "web/speech/read_aloud_control.hpp"

#include "web/common/pages.hpp"
#include "web/speech/read_aloud.hpp"
#include "web/speech/speech_paths.hpp"

namespace meldpunt::web {

std::string SpeechLangOf(const AppContext& app, const http::Request& request) {
  const ReadAloud* read_aloud = ReadAloudOf(app);
  if (!read_aloud) return {};
  std::string chosen = request.Cookie(kSpeechCookie);
  if (read_aloud->Offers(chosen)) return chosen;
  std::string page(LangCode(LangOf(request)));
  if (read_aloud->Offers(page)) return page;
  return read_aloud->Languages().empty() ? std::string() : read_aloud->Languages()[0];
}

std::string LanguageEndonym(std::string_view code) {
  struct Name {
    const char* code;
    const char* name;
  };
  static constexpr Name kNames[] = {{"nl", "Nederlands"}, {"en", "English"}, {"tr", "Türkçe"},
                                    {"ar", "العربية"},    {"pl", "Polski"},  {"uk", "Українська"}};
  for (const auto& n : kNames) {
    if (code == n.code) return n.name;
  }
  return std::string(code);
}

bool IsLocalPath(std::string_view path) {
  if (path.empty() || path[0] != '/' || path.size() > 512) return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  for (char c : path) {
    if (c == '\r' || c == '\n' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

void AddReadAloudControl(const AppContext& app, const http::Request& request,
                         std::string_view template_name, std::string_view title_msgid,
                         TemplateData& layout) {
  const ReadAloud* read_aloud = ReadAloudOf(app);
  if (!read_aloud) return;
  // Staff pages are not read aloud, nor their error pages.
  if (request.path.starts_with("/medewerkers")) return;
  auto slug = read_aloud->SlugOf(template_name, title_msgid);
  if (!slug) return;
  std::string code = SpeechLangOf(app, request);
  SectionList sections = read_aloud->Sections(*slug, code);
  if (!sections || sections->empty()) return;
  // The headings as the page shows them, for the script to find the section being read.
  SectionList page_sections = read_aloud->Sections(*slug, LangCode(LangOf(request)));

  // A section's heading on the page, by its position (the number of parts differs per language).
  auto page_heading = [&](const PageSection& section) {
    if (page_sections) {
      for (const auto& shown : *page_sections) {
        if (shown.position == section.position) return shown.heading;
      }
    }
    return section.heading;
  };

  TemplateData list = TemplateData::type::list;
  for (const PageSection& section : *sections) {
    TemplateData item;
    item.set("id", section.id);
    item.set("position", std::to_string(section.position));
    // The parts of a long section: "Waarom melden? (2/3)".
    item.set("heading", section.parts > 1 ? section.heading + " (" + std::to_string(section.part) +
                                                "/" + std::to_string(section.parts) + ")"
                                          : section.heading);
    item.set("page_heading", page_heading(section));
    std::string src =
        kReadAloudPrefix + *slug + "/" + section.id + "?taal=" + code + "&v=" + section.version;
    item.set("src", src);
    list.push_back(item);
  }
  TemplateData languages = TemplateData::type::list;
  for (const auto& offered : read_aloud->Languages()) {
    TemplateData option;
    option.set("value", offered);
    option.set("label", LanguageEndonym(offered));
    option.set("selected", Bool(offered == code));
    languages.push_back(option);
  }
  TemplateData control;
  control.set("sections", list);
  control.set("languages", languages);
  control.set("speech_lang", code);
  control.set("language_action", std::string(kReadAloudLanguagePath));
  control.set("text_action", std::string(kReadAloudTextPath));
  control.set("back", request.path.empty() ? "/" : request.path);
  layout.set("read_aloud", control);
}

}  // namespace meldpunt::web
