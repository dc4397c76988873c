#pragma once
// The readable text of a page, split into sections: the part from the <h1> to the first <h2>, then
// each <h2> with what follows it. The text is what a visitor sees: tags removed, entities decoded,
// and nothing that is not shown as text (scripts, styles, <select> options, <textarea>s, hidden
// inputs' values). A block that ends without a full stop gets one, so the voice pauses after a
// heading or a list item as a reader would.
//
// A long section is read in parts of about kPartChars characters, cut at sentence ends, so the
// first audio of any part is made quickly (espeak-ng takes about 0.4 ms of CPU per character):
// a part is what one <audio> plays and what the audio route makes and caches.
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt::web {

struct PageSection {
  // "1", "2", ...: the position on the page; "2-1", "2-2" for the parts of a long section.
  std::string id;
  size_t position = 0;  // the section's place on the page (0: the <h1>), the same for its parts
  size_t part = 1;      // 1-based; a section of one part has part 1 of 1
  size_t parts = 1;
  std::string heading;  // the text of its <h1> or <h2>
  std::string text;     // what is read (the first part starts with the heading)
  std::string version;  // a hash of the text: part of cache keys and ETags
};

// The most characters read for one section; a longer section is cut at a sentence end.
inline constexpr size_t kMaxSectionChars = 3000;
// A section longer than this is read in parts of at most this many characters, each ending at a
// sentence end where there is one (else at a space).
inline constexpr size_t kPartChars = 320;

// Splits a section's text into parts as described above; a short text is one part.
std::vector<std::string> SplitIntoParts(std::string_view text);

std::vector<PageSection> ExtractSections(std::string_view html);

// The visible text of a piece of HTML, as described above.
std::string VisibleText(std::string_view html);

// FNV-1a (64 bits) as 16 hex digits: the same on every node and after every restart.
std::string TextVersion(std::string_view text);

}  // namespace meldpunt::web
