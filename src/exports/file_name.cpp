#include "exports/file_name.hpp"

namespace meldpunt::exports {
namespace {

constexpr size_t kMaxSlug = 60;

// The ASCII letter for a Latin-1 letter U+00C0..U+00FF (by offset), or 0.
constexpr std::string_view kLatin1Letters =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"   // U+00C0..U+00DF (× at D7, Þ as t, ß as s)
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  // U+00E0..U+00FF (÷ at F7, þ as t)

}  // namespace

std::string FileNameSlug(std::string_view text) {
  std::string slug;
  bool separate = false;
  auto add = [&](char c) {
    if (separate && !slug.empty()) slug += '-';
    separate = false;
    slug += c;
  };
  for (size_t i = 0; i < text.size() && slug.size() < kMaxSlug; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      add(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      add(static_cast<char>(c));
    } else if (c == '\'') {
      // "'s-Hertogenbosch": the apostrophe neither shows nor separates.
    } else if (c == 0xC3 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      char letter = kLatin1Letters[static_cast<unsigned char>(text[++i]) - 0x80];
      if (letter != '\0')
        add(letter);
      else
        separate = true;
    } else {
      separate = true;
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? std::string("x") : slug;
}

}  // namespace meldpunt::exports
