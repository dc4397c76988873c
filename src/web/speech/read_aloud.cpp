#include "web/speech/read_aloud.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <shared_mutex>
#include <stdexcept>

#include "base/log.hpp"

namespace meldpunt::web {

namespace {
std::shared_mutex g_attached_mutex;
std::map<const AppContext*, ReadAloud*> g_attached;
}  // namespace

void AttachReadAloud(const AppContext& app, ReadAloud* read_aloud) {
  std::unique_lock lock(g_attached_mutex);
  if (read_aloud) {
    g_attached[&app] = read_aloud;
  } else {
    g_attached.erase(&app);
  }
}

ReadAloud* ReadAloudOf(const AppContext& app) {
  std::shared_lock lock(g_attached_mutex);
  auto found = g_attached.find(&app);
  return found == g_attached.end() ? nullptr : found->second;
}

const std::vector<ReadablePage>& ReadablePages() {
  static const std::vector<ReadablePage> pages = [] {
    std::vector<ReadablePage> list = {
        {"home", "home"},
        {"melden", "report_form"},
        {"ontvangen", "report_received", {"has_receipt"}},
        {"volgen", "followup_receipt"},
        {"opvolging", "followup_thread", {"has_messages"}},
        {"privacy", "privacy"},
        {"andere-manieren", "other_ways"},
        {"cijfers", "public_figures", {"has_areas"}},
    };
    for (const ErrorText& text : StatusErrorTexts())
      list.push_back({text.slug, "error", {}, &text});
    list.push_back({FormExpiredText().slug, "error", {}, &FormExpiredText()});
    return list;
  }();
  return pages;
}

std::optional<Lang> CatalogLang(std::string_view code) { return Languages().Find(code); }

ReadAloud::ReadAloud(const Templates& templates, ReadAloudOptions options)
    : engine_(speech::EngineOptions{.queue_capacity = options.queue_capacity,
                                    .max_chars = std::max(kMaxSectionChars, kMaxTypedChars)}),
      memory_(options.memory_cache_bytes),
      disk_(options.disk_cache_folder,
            options.disk_cache_folder.empty() ? 0 : options.disk_cache_bytes),
      templates_(templates),
      translator_(options.translator) {
  for (const auto& code : engine_.Languages()) {
    if (CatalogLang(code)) languages_.push_back(code);
  }
  for (const auto& page : ReadablePages()) {
    if (page.error && !translator_) continue;
    sections_[page.slug] = Render(page, {});  // no visitor's data: only the page's own text
  }
}

ReadAloud::PerLanguage ReadAloud::Render(const ReadablePage& page, TemplateData data) const {
  // Every readable page in every language, at start: not kept parsed (issue 16, "Templates
  // compiled on first use" in docs/design.md).
  Templates::RenderOnceScope render_once;
  for (const char* flag : page.shown) data.set(flag, TemplateData(TemplateData::type::bool_true));
  PerLanguage per_lang;
  for (const auto& code : languages_) {
    Lang lang = *CatalogLang(code);
    if (page.error) {
      data.set("status", std::to_string(page.error->status));
      data.set("heading", translator_->Get(lang, page.error->title));
      data.set("explanation", translator_->Get(lang, page.error->explanation));
    }
    per_lang[code] = std::make_shared<const std::vector<PageSection>>(
        ExtractSections(templates_.Render(page.template_name, lang, data)));
  }
  return per_lang;
}

void ReadAloud::SetLivePage(std::string_view slug, LivePageData live) {
  for (const auto& page : ReadablePages()) {
    if (slug != page.slug || !sections_.contains(page.slug)) continue;
    auto entry = std::make_unique<LivePage>();
    entry->page = &page;
    entry->source = std::move(live);
    entry->version = entry->source.version();
    entry->sections = std::make_shared<const PerLanguage>(Render(page, entry->source.data()));
    live_[page.slug] = std::move(entry);
    return;
  }
  throw std::logic_error("no readable page " + std::string(slug));
}

bool ReadAloud::Offers(std::string_view code) const {
  for (const auto& l : languages_) {
    if (l == code) return true;
  }
  return false;
}

std::optional<std::string> ReadAloud::SlugOf(std::string_view template_name,
                                             std::string_view title_msgid) const {
  for (const auto& page : ReadablePages()) {
    if (template_name != page.template_name) continue;
    if (page.error && title_msgid != page.error->title) continue;
    if (!sections_.contains(page.slug)) continue;  // an error page without a translator
    return page.slug;
  }
  return std::nullopt;
}

SectionList ReadAloud::Sections(std::string_view slug, std::string_view code) const {
  const PerLanguage* per_lang = nullptr;
  std::shared_ptr<const PerLanguage> live_sections;  // keeps a live page's lists while in use
  if (auto live = live_.find(slug); live != live_.end()) {
    LivePage& entry = *live->second;
    std::lock_guard lock(entry.mutex);
    long long version = entry.source.version();
    if (version != entry.version) {
      entry.sections =
          std::make_shared<const PerLanguage>(Render(*entry.page, entry.source.data()));
      entry.version = version;
    }
    live_sections = entry.sections;
    per_lang = live_sections.get();
  } else if (auto page = sections_.find(slug); page != sections_.end()) {
    per_lang = &page->second;
  }
  if (!per_lang) return nullptr;
  auto lang = per_lang->find(code);
  return lang == per_lang->end() ? nullptr : lang->second;
}

std::shared_ptr<const PageSection> ReadAloud::Section(std::string_view slug,
                                                      std::string_view section,
                                                      std::string_view code) const {
  SectionList sections = Sections(slug, code);
  if (!sections) return nullptr;
  for (const auto& s : *sections) {
    if (s.id == section) return std::shared_ptr<const PageSection>(sections, &s);
  }
  return nullptr;
}

std::string ReadAloud::KeyOf(std::string_view slug, const PageSection& section,
                             std::string_view code) const {
  return std::string(slug) + "/" + section.id + "/" + std::string(code) + "/" +
         engine_.VoiceId(code) + "/" + section.version;
}

std::string ReadAloud::ETagOf(std::string_view slug, const PageSection& section,
                              std::string_view code) const {
  std::string tag = TextVersion(KeyOf(slug, section, code));
  tag.insert(tag.begin(), '"');
  tag.push_back('"');
  return tag;
}

ReadAloud::Result ReadAloud::Speak(std::string text, std::string_view code) {
  if (!Offers(code)) return {Outcome::kUnsupported, nullptr};
  if (speech::CountChars(text) > engine_.Options().max_chars) return {Outcome::kTooLong, nullptr};
  auto job = engine_.Submit(std::move(text), std::string(code));
  if (!job) return {Outcome::kBusy, nullptr};
  speech::Audio audio = job->get();  // throws on an engine error: a 500
  return {Outcome::kOk, std::make_shared<const std::string>(std::move(audio.ogg))};
}

ReadAloud::Result ReadAloud::SectionAudio(std::string_view slug, const PageSection& section,
                                          std::string_view code) {
  std::string key = KeyOf(slug, section, code);
  if (auto hit = memory_.Get(key)) return {Outcome::kOk, hit};
  if (auto stored = disk_.Get(key)) {
    auto audio = std::make_shared<const std::string>(std::move(*stored));
    memory_.Put(key, audio);
    return {Outcome::kOk, audio};
  }
  Result made = Speak(section.text, code);
  if (made.outcome == Outcome::kOk) {
    memory_.Put(key, made.audio);
    disk_.Put(key, *made.audio);
  }
  return made;
}

ReadAloud::Result ReadAloud::TypedTextAudio(std::string text, std::string_view code) {
  if (speech::CountChars(text) > kMaxTypedChars) return {Outcome::kTooLong, nullptr};
  return Speak(std::move(text), code);
}

void ReadAloud::StartWarming() {
  warming_ = std::jthread([this](std::stop_token stop) {
    for (const auto& [slug, per_lang] : sections_) {
      for (const auto& code : languages_) {
        SectionList sections = Sections(slug, code);  // a live page as it is now
        if (!sections) continue;
        for (const auto& section : *sections) {
          for (;;) {
            if (stop.stop_requested()) return;
            Result made = SectionAudio(slug, section, code);
            if (made.outcome != Outcome::kBusy) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));  // visitors first
          }
          ++warmed_;
        }
      }
    }
    log::Info("read-aloud audio made for every section", {{"sections", warmed_.load()}});
  });
}

void ReadAloud::ClearCaches() {
  memory_.Clear();
  disk_.Clear();
}

}  // namespace meldpunt::web
