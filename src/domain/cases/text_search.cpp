#include "domain/cases/text_search.hpp"

namespace meldpunt {
namespace {

struct FoldRange {
  char32_t first;
  char32_t last;
  const char* to;
};

// Latin-1 Supplement and Latin Extended-A letters with their base letters. × (U+00D7) and
// ÷ (U+00F7) are not letters and are left out.
constexpr FoldRange kLatinFolds[] = {
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
    {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},  {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
    {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

const char* FoldLatin(char32_t cp) {
  for (const auto& range : kLatinFolds) {
    if (cp >= range.first && cp <= range.last) return range.to;
  }
  return nullptr;
}

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

std::string FoldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto put = [&](std::string_view part) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += part;
  };
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' ||
          byte == '\v') {
        pending_space = true;
      } else {
        char lower = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a')
                                                  : static_cast<char>(byte);
        put(std::string_view(&lower, 1));
      }
      ++i;
      continue;
    }
    // Two-byte sequences hold every code point folded here; longer ones are copied whole.
    size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (i + length > text.size()) length = text.size() - i;
    bool well_formed = length > 1;
    for (size_t k = 1; k < length && well_formed; ++k)
      well_formed = IsContinuation(static_cast<unsigned char>(text[i + k]));
    if (well_formed && length == 2) {
      char32_t cp = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      if (cp >= 0x300 && cp <= 0x36F) {  // a combining mark: the base letter is already out
        i += 2;
        continue;
      }
      if (cp == 0xA0) {  // no-break space
        pending_space = true;
        i += 2;
        continue;
      }
      if (const char* folded = FoldLatin(cp)) {
        put(folded);
        i += 2;
        continue;
      }
    }
    if (!well_formed) length = 1;  // a stray byte is kept as it is
    put(text.substr(i, length));
    i += length;
  }
  return out;
}

bool ContainsFolded(std::string_view folded_text, std::string_view folded_term) {
  return folded_text.find(folded_term) != std::string_view::npos;
}

}  // namespace meldpunt
