#pragma once
// Page templates: Mustache files (kainjow/mustache) in templates/. Every {{value}} is
// HTML-escaped; only {{{value}}} is not, and is used for HTML that we rendered ourselves.
// Fixed text is written as {{#t}}English text{{/t}} and translated once per language, so serving
// a page costs no translation look-ups. Pages share parts through partials ({{> _name}}), which
// are inserted at load time.
//
// A (page, language) pair is translated and parsed the first time it is rendered, not at load
// (issue 16): parse trees of every page in every language were ~30 MiB of a ~75 MiB idle
// process, and most of them are never used by a server (docs/design.md, "Templates compiled on
// first use"). Loading still checks every page in every language, so a broken template or
// catalog stops the start with the file's name.
#include <functional>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "web/common/i18n.hpp"

namespace meldpunt::web {

using TemplateData = kainjow::mustache::data;

class Templates {
 public:
  // Loads every *.mustache file of the folder; throws with the file name on a template error.
  // Keeps `translator` (it must outlive this object) to translate pages on first use.
  Templates(const std::string& folder, const Translator& translator);
  // Safe to call from many threads at once.
  std::string Render(const std::string& name, Lang lang, const TemplateData& data) const;
  // Every {{#t}} text found, for the completeness test of the catalogs.
  const std::set<std::string>& MessageIds() const { return message_ids_; }
  // Whether `name` in `lang` has been translated and parsed yet (for tests and measurements).
  bool IsCompiled(const std::string& name, Lang lang) const;

  // While an object of this class lives, pages rendered on its thread that are not compiled yet
  // are parsed for that render only and not kept. For renders done once and cached by the
  // caller (the report form cache, read-aloud's sections at start): the pages they render in
  // every language would otherwise stay parsed although no visitor may ever ask for them.
  class RenderOnceScope {
   public:
    RenderOnceScope();
    ~RenderOnceScope();
    RenderOnceScope(const RenderOnceScope&) = delete;
    RenderOnceScope& operator=(const RenderOnceScope&) = delete;
  };

 private:
  // One page in one language: parsed on its first render. kainjow's render() is not const; we do
  // not rely on it being safe to share across threads, so each slot renders under its mutex.
  struct Slot {
    std::mutex mutex;
    std::unique_ptr<kainjow::mustache::mustache> tmpl;  // null until the first render
  };
  struct Page {
    std::string path;               // for error messages
    std::string source;             // partials expanded, {{#t}} markers not yet translated
    bool staff = false;             // staff_*: built in the staff languages only (issue 15)
    std::unique_ptr<Slot[]> slots;  // by Lang::index()
  };
  const Page& Find(const std::string& name) const;
  // The language a page is rendered in for `lang`: a staff page in a public-only language is
  // rendered in the staff language (StaffLang).
  static Lang SlotLang(const Page& page, Lang lang);

  const Translator& translator_;
  std::map<std::string, Page> templates_;
  std::set<std::string> message_ids_;
};

// Sets `key` only when `value` is not empty. A {{#key}} section opens for any string, also an
// empty one, so a page that sets an empty text would show an empty box (an empty red error
// summary); every optional text that opens a section goes through this.
void SetIfNotEmpty(TemplateData& data, const std::string& key, const std::string& value);

// Replaces each {{> _name}} by the text of the partial _name.mustache, before translation, so a
// page and its partials become one template per language. Partials are files whose name starts
// with "_"; they are not pages themselves. Throws on an unknown partial or a cycle.
std::string ExpandPartials(const std::string& source,
                           const std::map<std::string, std::string>& partials);

// Replaces each {{#t}}text{{/t}} by translate(text), HTML-escaped; collects the ids seen.
std::string TranslateMarkers(const std::string& source,
                             const std::function<std::string(const std::string&)>& translate,
                             std::set<std::string>* ids);

}  // namespace meldpunt::web
