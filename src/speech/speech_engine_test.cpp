#include "speech/speech_engine.hpp"

#include <gtest/gtest.h>

#include "speech/ogg_opus.hpp"

namespace meldpunt::speech {
namespace {

// An Ogg/Opus file starts with an Ogg page ("OggS") whose packet is the Opus header ("OpusHead").
void ExpectOggOpus(const std::string& ogg) {
  ASSERT_GT(ogg.size(), 100u);
  EXPECT_EQ(ogg.substr(0, 4), "OggS");
  EXPECT_EQ(ogg.substr(28, 8), "OpusHead");
  EXPECT_NE(ogg.find("OpusTags"), std::string::npos);
}

Audio Speak(SpeechEngine& engine, std::string text, std::string code) {
  auto job = engine.Submit(std::move(text), std::move(code));
  EXPECT_TRUE(job.has_value());
  return job->get();
}

TEST(SpeechEngine, ADutchSentenceIsOggOpus) {
  SpeechEngine engine;
  Audio audio = Speak(engine, "Heeft u discriminatie meegemaakt? Meld het bij ons.", "nl");
  ExpectOggOpus(audio.ogg);
  EXPECT_GT(audio.Seconds(), 1.0);
}

TEST(SpeechEngine, AnArabicSentenceIsOggOpus) {
  SpeechEngine engine;
  ASSERT_TRUE(engine.Supports("ar"));
  Audio audio = Speak(engine, "هل تعرضت للتمييز؟ أخبرنا بذلك.", "ar");
  ExpectOggOpus(audio.ogg);
  EXPECT_GT(audio.Seconds(), 0.5);
}

TEST(SpeechEngine, EveryPublicLanguageHasAVoice) {
  SpeechEngine engine;
  for (const char* code : {"nl", "en", "tr", "ar", "pl", "uk"}) {
    EXPECT_TRUE(engine.Supports(code)) << code;
  }
  EXPECT_FALSE(engine.Supports("xx"));
}

TEST(SpeechEngine, LongerTextGivesLongerAudio) {
  SpeechEngine engine;
  Audio short_audio = Speak(engine, "Melden helpt.", "nl");
  Audio long_audio = Speak(engine,
                           "Melden helpt. Wij registreren elke melding die we ontvangen, en we "
                           "sturen het aantal meldingen naar elke gemeente in ons gebied.",
                           "nl");
  EXPECT_GT(long_audio.Seconds(), short_audio.Seconds() * 3);
  EXPECT_GT(long_audio.ogg.size(), short_audio.ogg.size());
}

TEST(SpeechEngine, RefusesTextOverTheLimitAndUnknownLanguages) {
  SpeechEngine engine({.queue_capacity = 4, .max_chars = 10});
  auto too_long = engine.Submit("Dit is meer dan tien tekens.", "nl");
  ASSERT_TRUE(too_long);
  EXPECT_THROW(too_long->get(), std::invalid_argument);
  auto unknown = engine.Submit("Hallo", "xx");
  ASSERT_TRUE(unknown);
  EXPECT_THROW(unknown->get(), std::invalid_argument);
}

TEST(SpeechEngine, AFullQueueRefusesAtOnce) {
  SpeechEngine engine({.queue_capacity = 2, .max_chars = 4000});
  std::string text(1500, 'a');
  for (size_t i = 0; i < text.size(); i += 6) text[i] = ' ';
  std::vector<std::future<Audio>> accepted;
  int refused = 0;
  for (int i = 0; i < 12; ++i) {
    auto job = engine.Submit(text, "nl");
    if (job)
      accepted.push_back(std::move(*job));
    else
      ++refused;
  }
  EXPECT_GT(refused, 0);
  for (auto& job : accepted) ExpectOggOpus(job.get().ogg);
}

TEST(SpeechEngine, CountsCharactersNotBytes) {
  EXPECT_EQ(CountChars("Türkçe"), 6u);
  EXPECT_EQ(CountChars("العربية"), 7u);
}

TEST(OggOpus, SilenceEncodes) {
  std::vector<std::int16_t> silence(22050, 0);
  ExpectOggOpus(EncodeOggOpus(silence, 22050));
}

}  // namespace
}  // namespace meldpunt::speech
