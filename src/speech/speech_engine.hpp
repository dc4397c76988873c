#pragma once
// Text to speech with espeak-ng, as Ogg/Opus audio in memory.
//
// espeak-ng keeps global state and is not thread-safe, so one worker thread owns it: callers put
// jobs in a bounded queue and wait for their future. A full queue refuses the job at once (the
// route answers 503) rather than letting waits grow without bound. The text of a job lives only
// in memory, in the job, and is never written to a log.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace meldpunt::speech {

struct EngineOptions {
  size_t queue_capacity = 16;  // jobs waiting; one more is refused
  size_t max_chars = 4000;     // characters (code points) per job
  int words_per_minute = 150;  // a little slower than espeak's 175: easier to follow
};

struct Audio {
  std::string ogg;     // Ogg/Opus file
  size_t samples = 0;  // PCM samples before encoding (for the length)
  int sample_rate = 0;
  double Seconds() const { return sample_rate ? double(samples) / sample_rate : 0.0; }
};

class SpeechEngine {
 public:
  explicit SpeechEngine(EngineOptions options = {});
  ~SpeechEngine();
  SpeechEngine(const SpeechEngine&) = delete;
  SpeechEngine& operator=(const SpeechEngine&) = delete;

  // The language codes ("nl", "ar", ...) with a voice installed, of the ones we know.
  const std::vector<std::string>& Languages() const { return languages_; }
  bool Supports(std::string_view code) const;
  // Names the engine, voice and settings; part of every cache key, so a new voice or version
  // never serves old audio.
  std::string VoiceId(std::string_view code) const;
  const EngineOptions& Options() const { return options_; }

  // Queues a job. nullopt when the queue is full. The future throws std::invalid_argument for an
  // unsupported language or a text over max_chars.
  std::optional<std::future<Audio>> Submit(std::string text, std::string code);

 private:
  struct Job {
    std::string text;
    std::string code;
    std::promise<Audio> result;
  };
  void Run();
  Audio Speak(const std::string& text, const std::string& code);

  EngineOptions options_;
  std::vector<std::string> languages_;
  std::string version_;
  int sample_rate_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable started_;
  std::deque<Job> queue_;
  bool stop_ = false;
  bool initialised_ = false;
  std::string init_error_;
  std::thread worker_;
};

// Code points in UTF-8 text (for the limits, which are in characters).
size_t CountChars(std::string_view utf8);

}  // namespace meldpunt::speech
