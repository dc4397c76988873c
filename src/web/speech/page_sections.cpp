#include "web/speech/page_sections.hpp"

#include <array>
#include <cctype>

#include "speech/speech_engine.hpp"

namespace meldpunt::web {

namespace {

bool StartsWithTag(std::string_view html, size_t at, std::string_view tag) {
  if (at + 1 + tag.size() > html.size() || html[at] != '<') return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(html[at + 1 + i])) != tag[i]) return false;
  }
  size_t after = at + 1 + tag.size();
  return after == html.size() || html[after] == '>' || html[after] == ' ' || html[after] == '\n' ||
         html[after] == '/' || html[after] == '\t';
}

// Elements whose content is not read.
constexpr std::array<std::string_view, 5> kSkipped = {"script", "style", "select", "textarea",
                                                      "template"};
// Elements that end a sentence-like block.
constexpr std::array<std::string_view, 14> kBlocks = {
    "p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "br", "legend", "label", "summary", "td", "th"};

void AppendEntity(std::string_view entity, std::string& out) {
  if (entity == "amp")
    out += '&';
  else if (entity == "lt")
    out += '<';
  else if (entity == "gt")
    out += '>';
  else if (entity == "quot")
    out += '"';
  else if (entity == "nbsp")
    out += ' ';
  else if (entity == "#39" || entity == "#x27" || entity == "apos")
    out += '\'';
  else if (!entity.empty() && entity[0] == '#') {
    unsigned long code = 0;
    bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
    for (char c : entity.substr(hex ? 2 : 1)) {
      code = code * (hex ? 16 : 10) +
             static_cast<unsigned long>(
                 std::isdigit(static_cast<unsigned char>(c))
                     ? c - '0'
                     : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10));
      if (code > 0x10FFFF) return;
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
}

void EndBlock(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty()) return;
  char last = out.back();
  if (last != '.' && last != '!' && last != '?' && last != ':' && last != ';') out += '.';
  out += ' ';
}

// Cuts at the last sentence end before the limit.
std::string Bounded(std::string text) {
  if (speech::CountChars(text) <= kMaxSectionChars) return text;
  size_t bytes = 0, chars = 0;
  while (bytes < text.size() && chars < kMaxSectionChars) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    ++chars;
  }
  size_t cut = text.rfind(". ", bytes);
  return text.substr(0, cut == std::string::npos ? bytes : cut + 1);
}

// The byte offset after `chars` UTF-8 characters of text (or its end).
size_t BytesOfChars(std::string_view text, size_t chars) {
  size_t bytes = 0;
  for (size_t n = 0; bytes < text.size() && n < chars; ++n) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  return bytes;
}

// The end (exclusive, after the mark) of the last sentence that ends within text[0, limit):
// ". ", "! ", "? " or the Arabic question mark, followed by a space; npos when there is none.
size_t LastSentenceEnd(std::string_view text, size_t limit) {
  size_t best = std::string_view::npos;
  for (std::string_view mark : {". ", "! ", "? ", "\xD8\x9F "}) {
    size_t at = text.rfind(mark, limit < mark.size() ? 0 : limit - mark.size());
    if (at != std::string_view::npos && at > 0 &&
        (best == std::string_view::npos || at + mark.size() - 1 > best)) {
      best = at + mark.size() - 1;
    }
  }
  return best;
}

}  // namespace

std::vector<std::string> SplitIntoParts(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty()) {
    if (speech::CountChars(text) <= kPartChars) {
      parts.emplace_back(text);
      break;
    }
    size_t limit = BytesOfChars(text, kPartChars);
    size_t cut = LastSentenceEnd(text, limit);
    if (cut == std::string_view::npos) cut = text.rfind(' ', limit);
    if (cut == std::string_view::npos || cut == 0) cut = limit;
    std::string_view part = text.substr(0, cut);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    text.remove_prefix(cut);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  }
  return parts;
}

std::string VisibleText(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      bool skipped = false;
      for (auto tag : kSkipped) {
        if (StartsWithTag(html, i, tag)) {
          std::string close = "</" + std::string(tag);
          size_t end = html.find(close, i);
          size_t gt = end == std::string_view::npos ? end : html.find('>', end);
          i = gt == std::string_view::npos ? html.size() : gt + 1;
          skipped = true;
          break;
        }
      }
      if (skipped) continue;
      bool closing = i + 1 < html.size() && html[i + 1] == '/';
      for (auto tag : kBlocks) {
        if (StartsWithTag(html, closing ? i + 1 : i, tag) ||
            (closing && i + 2 + tag.size() <= html.size() &&
             html.compare(i + 2, tag.size(), tag) == 0 &&
             (html[i + 2 + tag.size()] == '>' || html[i + 2 + tag.size()] == ' '))) {
          EndBlock(out);
          break;
        }
      }
      size_t gt = html.find('>', i);
      i = gt == std::string_view::npos ? html.size() : gt + 1;
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        AppendEntity(html.substr(i + 1, semi - i - 1), out);
        i = semi + 1;
        continue;
      }
    }
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // A space before punctuation (left by a closing tag) reads oddly in the transcript.
  std::string tidy;
  tidy.reserve(out.size());
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k] == ' ' && k + 1 < out.size() &&
        (out[k + 1] == '.' || out[k + 1] == ',' || out[k + 1] == ':' || out[k + 1] == ';'))
      continue;
    if (out[k] == '.' && !tidy.empty() && tidy.back() == '.') continue;
    tidy += out[k];
  }
  return tidy;
}

std::string TextVersion(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<size_t>(i)] = kHex[hash & 15];
  return out;
}

std::vector<PageSection> ExtractSections(std::string_view html) {
  // Section starts: every <h1 and <h2.
  std::vector<size_t> starts;
  for (size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (StartsWithTag(html, at, "h1") || StartsWithTag(html, at, "h2")) starts.push_back(at);
  }
  std::vector<PageSection> sections;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : html.size();
    std::string_view part = html.substr(starts[k], end - starts[k]);
    std::string text = Bounded(VisibleText(part));
    if (text.empty()) continue;
    size_t heading_end = part.find("</h");
    std::string heading =
        VisibleText(part.substr(0, heading_end == std::string_view::npos ? 0 : heading_end));
    while (!heading.empty() && heading.back() == '.') heading.pop_back();
    std::vector<std::string> parts = SplitIntoParts(text);
    size_t position = sections.empty() ? 0 : sections.back().position + 1;
    for (size_t p = 0; p < parts.size(); ++p) {
      PageSection section;
      section.position = position;
      section.part = p + 1;
      section.parts = parts.size();
      section.id = std::to_string(position + 1);
      if (parts.size() > 1) section.id += "-" + std::to_string(p + 1);
      section.heading = heading;
      section.version = TextVersion(parts[p]);
      section.text = std::move(parts[p]);
      sections.push_back(std::move(section));
    }
  }
  return sections;
}

}  // namespace meldpunt::web
