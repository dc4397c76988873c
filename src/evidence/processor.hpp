#pragma once
// Turns one received file into evidence fit to keep, or says why it is not taken: its type is known
// by content and must be on the list (domain/reports/evidence.hpp), images are re-encoded without
// metadata, and a SHA-256 of the bytes as received is kept as proof of what came in.
#include <string_view>
#include <variant>

#include "domain/reports/evidence.hpp"

namespace meldpunt::evidence {

// Call once at start, before serving: starts libvips and libmagic so that a broken installation
// fails at start rather than at the first upload.
void InitProcessing();

// Safe to call from any number of threads; at most kConcurrentJobs images are decoded at once,
// others wait, so that many uploads at the same time cannot take all memory.
inline constexpr int kConcurrentJobs = 2;
std::variant<EvidenceFile, EvidenceRefusal> ProcessFile(std::string_view filename,
                                                        std::string_view bytes);

}  // namespace meldpunt::evidence
