#include "web/common/templates.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "web/common/html.hpp"

namespace meldpunt::web {

std::string TranslateMarkers(const std::string& source,
                             const std::function<std::string(const std::string&)>& translate,
                             std::set<std::string>* ids) {
  static const std::string kOpen = "{{#t}}", kClose = "{{/t}}";
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t open = source.find(kOpen, pos);
    if (open == std::string::npos) break;
    size_t close = source.find(kClose, open);
    if (close == std::string::npos) throw std::runtime_error("{{#t}} without {{/t}}");
    out.append(source, pos, open - pos);
    // Whitespace inside a marker (line breaks in long sentences) is normalised to single spaces.
    std::string id;
    for (size_t i = open + kOpen.size(); i < close; ++i) {
      char c = source[i];
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space) {
        if (!id.empty() && id.back() != ' ') id += ' ';
      } else {
        id += c;
      }
    }
    while (!id.empty() && id.back() == ' ') id.pop_back();
    if (ids) ids->insert(id);
    out += EscapeHtml(translate(id));
    pos = close + kClose.size();
  }
  out.append(source, pos);
  return out;
}

namespace {

constexpr int kMaxPartialDepth = 8;

std::string Expand(const std::string& source, const std::map<std::string, std::string>& partials,
                   int depth) {
  static const std::string kOpen = "{{>", kClose = "}}";
  if (depth > kMaxPartialDepth) throw std::runtime_error("partials nested too deeply (a cycle?)");
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t open = source.find(kOpen, pos);
    if (open == std::string::npos) break;
    size_t close = source.find(kClose, open);
    if (close == std::string::npos) throw std::runtime_error("{{> without }}");
    std::string name = source.substr(open + kOpen.size(), close - open - kOpen.size());
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    auto partial = partials.find(name);
    if (partial == partials.end()) throw std::runtime_error("no partial named " + name);
    out.append(source, pos, open - pos);
    out += Expand(partial->second, partials, depth + 1);
    pos = close + kClose.size();
  }
  out.append(source, pos);
  return out;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string ExpandPartials(const std::string& source,
                           const std::map<std::string, std::string>& partials) {
  return Expand(source, partials, 0);
}

Templates::Templates(const std::string& folder, const Translator& translator) {
  std::map<std::string, std::filesystem::path> pages;
  std::map<std::string, std::string> partials;
  // One folder per feature (templates/cases/, templates/figures/, ...); a template is named by
  // its file name alone, so a name may be used once in the whole tree.
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::string name = entry.path().stem().string();
    if (!seen.insert(name).second) {
      throw std::runtime_error("two templates named " + name + " under " + folder);
    }
    if (!name.starts_with("_")) {
      pages.emplace(name, entry.path());
      continue;
    }
    // A partial ends where its last line ends: the page's own line break follows the tag.
    std::string text = ReadFile(entry.path());
    if (text.ends_with('\n')) text.pop_back();
    partials.emplace(name, std::move(text));
  }
  for (const auto& [name, path] : pages) {
    Compiled compiled;
    compiled.per_lang.resize(Languages().size());
    // Staff pages exist in the staff languages only (issue 15): no Turkish staff page is built.
    bool staff_page = name.starts_with("staff_");
    for (Lang lang : Languages().All()) {
      if (staff_page && !Languages().Info(lang).staff) continue;
      std::string source;
      try {
        source = TranslateMarkers(
            ExpandPartials(ReadFile(path), partials),
            [&](const std::string& id) { return translator.Get(lang, id); }, &message_ids_);
      } catch (const std::exception& e) {
        throw std::runtime_error("template " + path.string() + ": " + e.what());
      }
      auto tmpl = std::make_unique<kainjow::mustache::mustache>(source);
      if (!tmpl->is_valid()) {
        throw std::runtime_error("template " + path.string() + ": " + tmpl->error_message());
      }
      compiled.per_lang[lang.index()] = std::move(tmpl);
    }
    templates_.emplace(name, std::move(compiled));
  }
}

std::string Templates::Render(const std::string& name, Lang lang, const TemplateData& data) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  std::lock_guard lock(*it->second.mutex);
  const auto& per_lang = it->second.per_lang;
  const auto& tmpl = lang.index() < per_lang.size() && per_lang[lang.index()]
                         ? per_lang[lang.index()]
                         : per_lang[StaffLang(lang).index()];
  return tmpl->render(data);
}

void SetIfNotEmpty(TemplateData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

}  // namespace meldpunt::web
