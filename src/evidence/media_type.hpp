#pragma once
// What a file is, told by its content (libmagic), never by its name or the type a client declared.
#include <string>
#include <string_view>

namespace meldpunt::evidence {

// The media type libmagic gives the bytes, such as "image/jpeg" or "text/html". Safe to call from
// any thread (each thread keeps its own libmagic handle). Throws when libmagic cannot start.
std::string SniffMediaType(std::string_view bytes);

}  // namespace meldpunt::evidence
