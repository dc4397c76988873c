#pragma once
// The checks of a bureau's letter template (briefsjabloon) and letterhead (briefhoofd) as its
// admin edits them, and their messages in the admin's language, with line numbers.
#include <optional>
#include <string>
#include <vector>

#include "letters/fill.hpp"
#include "letters/letter.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The letterhead: address lines under the bureau's name.
inline constexpr size_t kMaxLetterheadLines = 6;
inline constexpr size_t kMaxLetterheadLineChars = 100;
inline constexpr size_t kMaxLetterheadPhone = 30;
inline constexpr size_t kMaxLetterheadEmail = 100;
// The bureau's name, the address lines, the telephone number and the e-mail address make the
// sender's block of a letter.
static_assert(1 + kMaxLetterheadLines + 2 <= letters::kMaxBlockLines);

// One problem of one field (subject, body, closing or address): a placeholder problem with its
// line, or a plain message.
struct TemplateFieldProblem {
  std::string field;
  std::optional<letters::TemplateProblem> placeholder;
  const char* msgid = nullptr;  // when there is no placeholder problem
};

// Every problem of a template: the placeholders (CheckLetterTemplate), a subject of one line of
// at most letters::kMaxLineChars characters, a body, a closing of at most
// letters::kMaxBlockLines lines, and printable text throughout. Empty when it may be saved.
std::vector<TemplateFieldProblem> CheckBureauTemplate(const letters::LetterTemplate& text);

// The letterhead's lines, blank ones left out, or the problem with them.
struct LetterheadCheck {
  std::vector<std::string> lines;
  const char* msgid = nullptr;  // set when refused
};
LetterheadCheck CheckLetterhead(const std::string& typed);
// The bureau's telephone number and e-mail address, both optional (trimmed; empty is fine): the
// problem's message id, or nullptr.
const char* CheckLetterheadPhone(const std::string& phone);
const char* CheckLetterheadEmail(const std::string& email);

// "Line 3: {{refrence}} is not one of the placeholders listed on this page." in lang.
std::string TemplateProblemText(const AppContext& app, Lang lang,
                                const TemplateFieldProblem& problem);

// What each placeholder stands for, as an English message id.
const char* PlaceholderMeaning(std::string_view name);

}  // namespace meldpunt::web
