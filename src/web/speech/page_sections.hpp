#pragma once
// The readable text of a page, split into sections: the part from the <h1> to the first <h2>, then
// each <h2> with what follows it. The text is what a visitor sees: tags removed, entities decoded,
// and nothing that is not shown as text (scripts, styles, <select> options, <textarea>s, hidden
// inputs' values). A block that ends without a full stop gets one, so the voice pauses after a
// heading or a list item as a reader would.
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt::web {

struct PageSection {
  std::string id;       // "1", "2", ...: the position on the page
  std::string heading;  // the text of its <h1> or <h2>
  std::string text;     // what is read, the heading first
  std::string version;  // a hash of the text: part of cache keys and ETags
};

// The most characters read for one section; a longer section is cut at a sentence end.
inline constexpr size_t kMaxSectionChars = 3000;

std::vector<PageSection> ExtractSections(std::string_view html);

// The visible text of a piece of HTML, as described above.
std::string VisibleText(std::string_view html);

// FNV-1a (64 bits) as 16 hex digits: the same on every node and after every restart.
std::string TextVersion(std::string_view text);

}  // namespace meldpunt::web
