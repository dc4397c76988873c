#pragma once
// Page templates: Mustache files (kainjow/mustache) in templates/. Every {{value}} is
// HTML-escaped; only {{{value}}} is not, and is used for HTML that we rendered ourselves.
// Fixed text is written as {{#t}}English text{{/t}} and translated once, at load time, into a
// template per language, so serving a page costs no translation look-ups. Pages share parts
// through partials ({{> _name}}), which are inserted at load time too.
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
  Templates(const std::string& folder, const Translator& translator);
  std::string Render(const std::string& name, Lang lang, const TemplateData& data) const;
  // Every {{#t}} text found, for the completeness test of the catalogs.
  const std::set<std::string>& MessageIds() const { return message_ids_; }

 private:
  struct Compiled {
    // By Lang::index(); a staff page (staff_*) has staff languages only, the others are null.
    std::vector<std::unique_ptr<kainjow::mustache::mustache>> per_lang;
    // kainjow's render() is not const; we do not rely on it being safe to share across threads.
    std::unique_ptr<std::mutex> mutex = std::make_unique<std::mutex>();
  };
  std::map<std::string, Compiled> templates_;
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
