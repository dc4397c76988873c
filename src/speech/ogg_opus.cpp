#include "speech/ogg_opus.hpp"

#include <opusenc.h>

#include <memory>
#include <stdexcept>

namespace meldpunt::speech {

namespace {

int WriteToString(void* user_data, const unsigned char* data, opus_int32 length) {
  static_cast<std::string*>(user_data)->append(reinterpret_cast<const char*>(data),
                                               static_cast<size_t>(length));
  return 0;
}

int CloseNothing(void*) { return 0; }

struct EncoderFree {
  void operator()(OggOpusEnc* encoder) const { ope_encoder_destroy(encoder); }
};
struct CommentsFree {
  void operator()(OggOpusComments* comments) const { ope_comments_destroy(comments); }
};

}  // namespace

std::string EncodeOggOpus(const std::vector<std::int16_t>& pcm, int sample_rate) {
  std::string out;
  out.reserve(pcm.size() / 4 + 4096);
  std::unique_ptr<OggOpusComments, CommentsFree> comments(ope_comments_create());
  if (!comments) throw std::runtime_error("opus: no comments");
  OpusEncCallbacks callbacks{WriteToString, CloseNothing};
  int error = OPE_OK;
  std::unique_ptr<OggOpusEnc, EncoderFree> encoder(
      ope_encoder_create_callbacks(&callbacks, &out, comments.get(), sample_rate, 1, 0, &error));
  if (!encoder || error != OPE_OK) {
    throw std::runtime_error(std::string("opus: ") + ope_strerror(error));
  }
  ope_encoder_ctl(encoder.get(), OPUS_SET_BITRATE(kOpusBitrate));
  ope_encoder_ctl(encoder.get(), OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
  // Complexity 4 of 10: a third of the CPU time of the default for the same size and no audible
  // difference on espeak's voice (measured: 48 against 140 ms for 7 s of speech).
  ope_encoder_ctl(encoder.get(), OPUS_SET_COMPLEXITY(kOpusComplexity));
  if (!pcm.empty()) {
    error = ope_encoder_write(encoder.get(), pcm.data(), static_cast<int>(pcm.size()));
    if (error != OPE_OK) throw std::runtime_error(std::string("opus: ") + ope_strerror(error));
  }
  error = ope_encoder_drain(encoder.get());
  if (error != OPE_OK) throw std::runtime_error(std::string("opus: ") + ope_strerror(error));
  return out;
}

}  // namespace meldpunt::speech
