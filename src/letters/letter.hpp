#pragma once
// A letter to the other party of a report (hoor en wederhoor: the bureau hears both sides). The
// bureau tells an employer, a shop or another party that a report was received and asks for their
// view. These are the plain types and their limits; fill.hpp fills a template, compose.hpp turns a
// filled template into a layout and pdf.hpp renders that layout.
#include <string>
#include <vector>

namespace meldpunt::letters {

enum class Lang { kNl, kEn };  // Dutch first, as on the site

// The texts of a letter a bureau admin may edit, each with {{placeholders}} (fill.hpp).
struct LetterTemplate {
  std::string subject;  // one line, shown in bold above the body and used as the PDF title
  std::string body;     // salutation to last paragraph; paragraphs are separated by a blank line
  std::string closing;  // greeting and signature lines, kept together on one page
};

// A letter ready to render. Every text is final, plain UTF-8 (never markup).
struct LetterLayout {
  Lang lang = Lang::kNl;                // the language of the page numbers and of hyphenation
  std::string title;                    // PDF metadata title; no personal data of the reporter
  std::vector<std::string> sender;      // letterhead: the bureau's name, then its address lines
  std::vector<std::string> recipient;   // name and address lines, where a window envelope shows
  std::string date_line;                // as printed, such as "3 maart 2026"
  std::string subject;                  // one line (Betreft)
  std::vector<std::string> paragraphs;  // the body; a paragraph may hold single line breaks
  std::vector<std::string> signature;   // the closing lines
};

// Hard limits, so that a letter cannot grow without bound (characters are Unicode code points).
inline constexpr size_t kMaxBodyChars = 20'000;  // all paragraphs together
inline constexpr int kMaxPages = 20;
inline constexpr size_t kMaxLineChars = 200;         // title, date, subject, each block line
inline constexpr size_t kMaxBlockLines = 10;         // sender, recipient, signature
inline constexpr size_t kMaxTemplateChars = 20'000;  // a template, and a filled template

}  // namespace meldpunt::letters
