#include "evidence/media_type.hpp"

#include <magic.h>

#include <memory>
#include <stdexcept>

namespace meldpunt::evidence {
namespace {

struct MagicClose {
  void operator()(magic_set* cookie) const { magic_close(cookie); }
};
using Magic = std::unique_ptr<magic_set, MagicClose>;

Magic OpenMagic() {
  // No looking inside compressed data: that would mean decompressing what a stranger sent.
  Magic cookie(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS));
  if (!cookie) throw std::runtime_error("libmagic could not start");
  if (magic_load(cookie.get(), nullptr) != 0) {
    throw std::runtime_error(std::string("libmagic could not load its database: ") +
                             magic_error(cookie.get()));
  }
  return cookie;
}

}  // namespace

std::string SniffMediaType(std::string_view bytes) {
  // A libmagic handle must not be shared between threads.
  thread_local Magic cookie = OpenMagic();
  const char* type = magic_buffer(cookie.get(), bytes.data(), bytes.size());
  return type ? type : "application/octet-stream";
}

}  // namespace meldpunt::evidence
