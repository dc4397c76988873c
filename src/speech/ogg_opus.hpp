#pragma once
// Encodes 16-bit mono PCM to Opus in an Ogg container, in memory (libopusenc). libopusenc
// resamples from the speech engine's rate (22050 Hz) to Opus's 48 kHz itself.
#include <cstdint>
#include <string>
#include <vector>

namespace meldpunt::speech {

// Speech needs little: 24 kbit/s mono voice is clear and about 3 KB per second of audio.
inline constexpr int kOpusBitrate = 24000;
inline constexpr int kOpusComplexity = 4;

// The Ogg/Opus file ("OggS" pages, "OpusHead" first). Throws std::runtime_error on an encoder
// error (never with the text that was spoken).
std::string EncodeOggOpus(const std::vector<std::int16_t>& pcm, int sample_rate);

}  // namespace meldpunt::speech
