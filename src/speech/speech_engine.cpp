#include "speech/speech_engine.hpp"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <stdexcept>
#include <utility>

#include "speech/ogg_opus.hpp"

namespace meldpunt::speech {

namespace {

// The public languages and their espeak-ng voices (`espeak-ng --voices`).
struct Voice {
  const char* code;
  const char* voice;
};
constexpr Voice kVoices[] = {{"nl", "nl"}, {"en", "en"}, {"tr", "tr"},
                             {"ar", "ar"}, {"pl", "pl"}, {"uk", "uk"}};

const char* VoiceFor(std::string_view code) {
  for (const auto& v : kVoices) {
    if (code == v.code) return v.voice;
  }
  return nullptr;
}

// espeak-ng is set up once per process and never terminated: version 1.51 hangs when it is
// initialised again after espeak_ng_Terminate. Engines made one after another (tests) share it;
// the mutex keeps two engines from speaking at once.
std::mutex g_espeak_mutex;
bool g_espeak_ready = false;

// The PCM of the job being spoken. Only the worker thread touches it (espeak calls back on the
// thread that called espeak_ng_Synthesize in synchronous mode).
std::vector<std::int16_t>* g_pcm = nullptr;

int Collect(short* wav, int count, espeak_EVENT*) {
  if (wav && count > 0 && g_pcm) g_pcm->insert(g_pcm->end(), wav, wav + count);
  return 0;  // go on
}

}  // namespace

size_t CountChars(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

SpeechEngine::SpeechEngine(EngineOptions options) : options_(options) {
  worker_ = std::thread([this] { Run(); });
  std::unique_lock lock(mutex_);
  started_.wait(lock, [this] { return initialised_ || !init_error_.empty(); });
  if (!init_error_.empty()) {
    stop_ = true;
    lock.unlock();
    ready_.notify_all();
    worker_.join();
    throw std::runtime_error(init_error_);
  }
}

SpeechEngine::~SpeechEngine() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  ready_.notify_all();
  if (worker_.joinable()) worker_.join();
}

bool SpeechEngine::Supports(std::string_view code) const {
  for (const auto& l : languages_) {
    if (l == code) return true;
  }
  return false;
}

std::string SpeechEngine::VoiceId(std::string_view code) const {
  const char* voice = VoiceFor(code);
  return "espeak-ng-" + version_ + "/" + (voice ? voice : "?") + "/" +
         std::to_string(options_.words_per_minute) + "wpm/opus" + std::to_string(kOpusBitrate) +
         "c" + std::to_string(kOpusComplexity);
}

std::optional<std::future<Audio>> SpeechEngine::Submit(std::string text, std::string code) {
  std::future<Audio> future;
  {
    std::lock_guard lock(mutex_);
    if (stop_ || queue_.size() >= options_.queue_capacity) return std::nullopt;
    queue_.push_back(Job{std::move(text), std::move(code), {}});
    future = queue_.back().result.get_future();
  }
  ready_.notify_one();
  return future;
}

void SpeechEngine::Run() {
  // Everything espeak is done on this thread (and under g_espeak_mutex).
  espeak_ng_STATUS status = ENS_OK;
  std::unique_lock espeak(g_espeak_mutex);
  if (!g_espeak_ready) {
    espeak_ng_InitializePath(nullptr);
    status = espeak_ng_Initialize(nullptr);
    if (status == ENS_OK) {
      status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    }
    g_espeak_ready = status == ENS_OK;
  }
  {
    std::lock_guard lock(mutex_);
    if (status != ENS_OK) {
      init_error_ = "espeak-ng could not start (is espeak-ng-data installed?)";
    } else {
      espeak_SetSynthCallback(Collect);
      sample_rate_ = espeak_ng_GetSampleRate();
      const char* data_path = nullptr;
      version_ = espeak_Info(&data_path);
      for (const auto& v : kVoices) {
        if (espeak_ng_SetVoiceByName(v.voice) == ENS_OK) languages_.emplace_back(v.code);
      }
      initialised_ = true;
    }
  }
  espeak.unlock();
  started_.notify_all();
  if (status != ENS_OK) return;

  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      std::lock_guard speaking(g_espeak_mutex);
      job.result.set_value(Speak(job.text, job.code));
    } catch (...) {
      job.result.set_exception(std::current_exception());
    }
  }
}

Audio SpeechEngine::Speak(const std::string& text, const std::string& code) {
  if (!Supports(code)) throw std::invalid_argument("no voice for this language");
  if (CountChars(text) > options_.max_chars) throw std::invalid_argument("text too long");
  if (espeak_ng_SetVoiceByName(VoiceFor(code)) != ENS_OK) {
    throw std::runtime_error("espeak-ng: voice not available");
  }
  espeak_SetParameter(espeakRATE, options_.words_per_minute, 0);
  std::vector<std::int16_t> pcm;
  pcm.reserve(text.size() * 1500);  // about 1,000-1,500 samples a character at 22 kHz
  g_pcm = &pcm;
  espeak_ng_STATUS status = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                 espeakCHARS_UTF8, nullptr, nullptr);
  g_pcm = nullptr;
  if (status != ENS_OK) throw std::runtime_error("espeak-ng: synthesis failed");
  Audio audio;
  audio.samples = pcm.size();
  audio.sample_rate = sample_rate_;
  audio.ogg = EncodeOggOpus(pcm, sample_rate_);
  return audio;
}

}  // namespace meldpunt::speech
