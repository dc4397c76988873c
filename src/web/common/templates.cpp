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

namespace {

// Stands for every translated text in a page's skeleton: not a brace, not empty, not in any page.
constexpr char kSkeletonText = '\x01';

std::string Skeleton(const std::string& source) {
  return TranslateMarkers(
      source, [](const std::string&) { return std::string(1, kSkeletonText); }, nullptr);
}

// Whether a translated text could stand inside a tag of the skeleton ({{name}}): then the text
// of a language changes what the tag says, and the skeleton's check does not speak for it.
bool TextInsideTag(const std::string& skeleton) {
  for (size_t pos = skeleton.find(kSkeletonText); pos != std::string::npos;
       pos = skeleton.find(kSkeletonText, pos + 1)) {
    size_t open = skeleton.rfind("{{", pos), close = skeleton.rfind("}}", pos);
    if (open != std::string::npos && (close == std::string::npos || close < open)) return true;
  }
  return false;
}

std::unique_ptr<kainjow::mustache::mustache> Parse(const std::string& text) {
  auto tmpl = std::make_unique<kainjow::mustache::mustache>(text);
  if (!tmpl->is_valid()) throw std::runtime_error(tmpl->error_message());
  return tmpl;
}

thread_local int render_once_depth = 0;  // RenderOnceScope objects alive on this thread

}  // namespace

Templates::RenderOnceScope::RenderOnceScope() { ++render_once_depth; }
Templates::RenderOnceScope::~RenderOnceScope() { --render_once_depth; }

// Checking a page in every language at load, without keeping a parse tree: the page is parsed
// once as a skeleton, with every {{#t}} text replaced by one character that is not a brace.
// Mustache finds its tags by the braces alone, so a language whose texts are neither empty nor
// contain a brace has the skeleton's tags at the same places and parses exactly when the
// skeleton does. Every language is still translated (cheap, and it collects the message ids and
// finds a {{#t}} without {{/t}}); a language with a text that has a brace or is empty, a page
// that changes its delimiters ({{=), and a text inside a tag get a full parse of their own.
Templates::Templates(const std::string& folder, const Translator& translator)
    : translator_(translator) {
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
    Page page;
    page.path = path.string();
    page.staff = name.starts_with("staff_");
    page.slots = std::make_unique<Slot[]>(Languages().size());
    try {
      page.source = ExpandPartials(ReadFile(path), partials);
      std::string skeleton = Skeleton(page.source);
      Parse(skeleton);
      bool parse_each = page.source.find("{{=") != std::string::npos || TextInsideTag(skeleton);
      // Staff pages exist in the staff languages only (issue 15): no Turkish staff page is built.
      for (Lang lang : Languages().All()) {
        if (page.staff && !Languages().Info(lang).staff) continue;
        bool plain = true;  // every text of this language is neither empty nor has a brace
        std::string text = TranslateMarkers(
            page.source,
            [&](const std::string& id) {
              std::string translated = translator.Get(lang, id);
              if (translated.empty() || translated.find_first_of("{}") != std::string::npos) {
                plain = false;
              }
              return translated;
            },
            &message_ids_);
        if (parse_each || !plain) Parse(text);
      }
    } catch (const std::exception& e) {
      throw std::runtime_error("template " + page.path + ": " + e.what());
    }
    templates_.emplace(name, std::move(page));
  }
}

const Templates::Page& Templates::Find(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  return it->second;
}

Lang Templates::SlotLang(const Page& page, Lang lang) {
  if (lang.index() >= Languages().size() || (page.staff && !Languages().Info(lang).staff)) {
    return StaffLang(lang);
  }
  return lang;
}

std::string Templates::Render(const std::string& name, Lang lang, const TemplateData& data) const {
  const Page& page = Find(name);
  Lang slot_lang = SlotLang(page, lang);
  Slot& slot = page.slots[slot_lang.index()];
  auto compile = [&] {
    try {
      return Parse(TranslateMarkers(
          page.source, [&](const std::string& id) { return translator_.Get(slot_lang, id); },
          nullptr));
    } catch (const std::exception& e) {
      throw std::runtime_error("template " + page.path + ": " + e.what());
    }
  };
  std::unique_lock lock(slot.mutex);
  if (!slot.tmpl && render_once_depth > 0) {
    lock.unlock();  // a parse of our own, shared with no other thread
    return compile()->render(data);
  }
  if (!slot.tmpl) slot.tmpl = compile();
  return slot.tmpl->render(data);
}

bool Templates::IsCompiled(const std::string& name, Lang lang) const {
  const Page& page = Find(name);
  Slot& slot = page.slots[SlotLang(page, lang).index()];
  std::lock_guard lock(slot.mutex);
  return slot.tmpl != nullptr;
}

void SetIfNotEmpty(TemplateData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

}  // namespace meldpunt::web
