#pragma once
// Read-aloud (voorlezen, issue 15): the public pages read aloud by our own server with espeak-ng.
//
// What is read is the page's own public text, known to the server: at start every readable page
// is rendered once per language from its template without any visitor's data, and split into
// sections (page_sections.hpp). A page whose text comes from data that changes while the server
// runs (the bureaus' details on "Andere manieren om te melden") is a live page (SetLivePage): it
// is rendered again with that data when its version changes. A page shows a control with one
// <audio> per section; the audio route looks the section up here, so it never reads anything a
// visitor typed or was shown about their own report. Audio is cached in memory and on disk
// (audio_cache.hpp), keyed by page, section, language, voice and the text's version.
//
// Languages are passed as codes ("nl", "tr", "ar", ...): a language is read when it has both a
// voice and a catalog of the page texts.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "speech/audio_cache.hpp"
#include "speech/speech_engine.hpp"
#include "web/common/error_texts.hpp"
#include "web/common/templates.hpp"
#include "web/speech/page_sections.hpp"

namespace meldpunt::web {

struct ReadAloudOptions {
  size_t memory_cache_bytes = 32u << 20;  // 32 MiB
  size_t disk_cache_bytes = 256u << 20;   // 256 MiB; 0: no disk cache
  std::string disk_cache_folder;          // <data dir>/speech-cache
  size_t queue_capacity = 16;             // speech jobs waiting; more are refused (503)
  // Translates the texts that come from code (the error pages); without it those are not read.
  const Translator* translator = nullptr;
};

// The most characters of typed text read back (the reporter's own description).
inline constexpr size_t kMaxTypedChars = 2000;

// A readable page: its name in the URL, the template it is rendered from, and the flags that are
// set while rendering it for reading, so the text read is the one a visitor sees on a page with
// data ("your receipt code", the figures) and not an empty state ("no working areas yet").
struct ReadablePage {
  const char* slug;
  const char* template_name;
  std::vector<const char*> shown = {};
  // An error page (template "error"): its texts come from code, so they are set while rendering.
  const ErrorText* error = nullptr;
};
// The public pages that are read aloud, the error pages last.
const std::vector<ReadablePage>& ReadablePages();

// The catalog language for a code, when there is one. (One line to change when languages become
// data: the registry answers this.)
std::optional<Lang> CatalogLang(std::string_view code);

struct AppContext;

// The data of a live page: the public data it is rendered with (never a visitor's), and a number
// that changes whenever that data does.
struct LivePageData {
  std::function<long long()> version;
  std::function<TemplateData()> data;
};

// A page's sections in one language. Shared: a live page's list stays valid for whoever holds it
// after the page was rendered anew.
using SectionList = std::shared_ptr<const std::vector<PageSection>>;

class ReadAloud {
 public:
  ReadAloud(const Templates& templates, ReadAloudOptions options);

  // The speech languages offered: a voice and a catalog, in the engine's order.
  const std::vector<std::string>& Languages() const { return languages_; }
  bool Offers(std::string_view code) const;

  // The page's slug for a template (and for the error template, the title's message id), when
  // the page is read aloud.
  std::optional<std::string> SlugOf(std::string_view template_name,
                                    std::string_view title_msgid = {}) const;
  // Null when the page or the language is not read.
  SectionList Sections(std::string_view slug, std::string_view code) const;
  std::shared_ptr<const PageSection> Section(std::string_view slug, std::string_view section,
                                             std::string_view code) const;
  // Makes a readable page live (see above); call before serving, from one thread.
  void SetLivePage(std::string_view slug, LivePageData live);

  enum class Outcome { kOk, kBusy, kTooLong, kUnsupported };
  struct Result {
    Outcome outcome = Outcome::kOk;
    speech::AudioBytes audio;
  };
  // The audio of a page section, from a cache or made now (and cached).
  Result SectionAudio(std::string_view slug, const PageSection& section, std::string_view code);
  // The audio of text a reporter typed: made now, never cached, never written anywhere.
  Result TypedTextAudio(std::string text, std::string_view code);
  // The ETag of a section's audio: its cache key, hashed.
  std::string ETagOf(std::string_view slug, const PageSection& section,
                     std::string_view code) const;

  // Makes the audio of every section in every language offered on a thread of its own, one at a
  // time (a visitor's request waits behind at most one of them; a full queue makes it wait), so
  // the first visitor of a section gets it from the cache (--speech-warm-cache). Sections already
  // on disk cost only a read. Logs when done; stops with the service.
  void StartWarming();
  // Sections made or found by the warming so far.
  size_t Warmed() const { return warmed_.load(); }

  // For tests and the benchmark.
  void ClearCaches();
  speech::MemoryAudioCache& MemoryCache() { return memory_; }
  speech::DiskAudioCache& DiskCache() { return disk_; }
  speech::SpeechEngine& Engine() { return engine_; }

 private:
  std::string KeyOf(std::string_view slug, const PageSection& section, std::string_view code) const;
  Result Speak(std::string text, std::string_view code);

  speech::SpeechEngine engine_;
  speech::MemoryAudioCache memory_;
  speech::DiskAudioCache disk_;
  using PerLanguage = std::map<std::string, SectionList, std::less<>>;  // language code → sections
  // Renders a page in every language offered, with the given data.
  PerLanguage Render(const ReadablePage& page, TemplateData data) const;

  struct LivePage {
    const ReadablePage* page = nullptr;
    LivePageData source;
    std::mutex mutex;  // one rendering at a time; guards the two below
    long long version = 0;
    std::shared_ptr<const PerLanguage> sections;
  };

  const Templates& templates_;
  const Translator* translator_;
  std::vector<std::string> languages_;
  // slug → sections, as rendered at start
  std::map<std::string, PerLanguage, std::less<>> sections_;
  std::map<std::string, std::unique_ptr<LivePage>, std::less<>> live_;  // fixed once serving
  std::atomic<size_t> warmed_{0};
  std::jthread warming_;  // last: stopped and joined before the rest goes
};

// The read-aloud service of an app, set once at start before the routes are built; null (the
// default, and in tests that do not attach one): no control on the pages, the routes answer 404.
// Kept beside the AppContext rather than as a member of it while this feature is built next to
// other work on that header; it becomes a member `ReadAloud* read_aloud` in one step.
void AttachReadAloud(const AppContext& app, ReadAloud* read_aloud);
ReadAloud* ReadAloudOf(const AppContext& app);

}  // namespace meldpunt::web
