#include "web/letters/letter_template_check.hpp"

#include "base/text.hpp"
#include "domain/reports/report.hpp"
#include "letters/compose.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

constexpr const char* kUnprintable = N_("This text holds characters that cannot be printed.");

void Replace(std::string& text, std::string_view placeholder, const std::string& value) {
  if (size_t at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), value);
}

// Adds the placeholder problems of one field; false when there were any.
bool CheckPlaceholders(const std::string& field, const std::string& text,
                       std::vector<TemplateFieldProblem>& problems) {
  auto found = letters::CheckLetterTemplate(text);
  for (auto& problem : found) problems.push_back({field, std::move(problem), nullptr});
  return found.empty();
}

}  // namespace

std::vector<TemplateFieldProblem> CheckBureauTemplate(const letters::LetterTemplate& text) {
  std::vector<TemplateFieldProblem> problems;
  auto plain = [&](const char* field, const char* msgid) {
    problems.push_back({field, std::nullopt, msgid});
  };

  if (Trim(text.subject).empty()) {
    plain("subject", N_("Write a subject."));
  } else if (text.subject.find('\n') != std::string::npos ||
             text.subject.find('\r') != std::string::npos) {
    plain("subject", N_("The subject is one line."));
  } else if (!IsValidUtf8Text(text.subject, false)) {
    plain("subject", kUnprintable);
  } else if (CheckPlaceholders("subject", text.subject, problems) &&
             CountCodePoints(text.subject) > letters::kMaxLineChars) {
    plain("subject", N_("The subject is at most 200 characters."));
  }

  if (Trim(text.body).empty()) {
    plain("body", N_("Write the text of the letter."));
  } else if (!IsValidUtf8Text(text.body, true)) {
    plain("body", kUnprintable);
  } else {
    CheckPlaceholders("body", text.body, problems);
  }

  if (!IsValidUtf8Text(text.closing, true)) {
    plain("closing", kUnprintable);
  } else if (CheckPlaceholders("closing", text.closing, problems)) {
    auto lines = letters::SplitLines(text.closing);
    bool too_long = lines.size() > letters::kMaxBlockLines;
    for (const auto& line : lines)
      too_long = too_long || CountCodePoints(line) > letters::kMaxLineChars;
    if (too_long)
      plain("closing", N_("The closing is at most 10 lines of at most 200 characters each."));
  }
  return problems;
}

LetterheadCheck CheckLetterhead(const std::string& typed) {
  LetterheadCheck check;
  if (!IsValidUtf8Text(typed, true)) {
    check.msgid = kUnprintable;
    return check;
  }
  for (const std::string& line : letters::SplitLines(typed)) {
    std::string trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (CountCodePoints(trimmed) > kMaxLetterheadLineChars ||
        check.lines.size() == kMaxLetterheadLines) {
      check.msgid = N_("The letterhead is at most 6 lines of at most 100 characters each.");
      return check;
    }
    check.lines.push_back(std::move(trimmed));
  }
  return check;
}

const char* CheckLetterheadPhone(const std::string& phone) {
  if (phone.empty()) return nullptr;
  if (phone.size() > kMaxLetterheadPhone || !LooksLikePhone(phone))
    return N_("Give the telephone number in digits, such as 030 123 45 67 or +31 30 123 45 67.");
  return nullptr;
}

const char* CheckLetterheadEmail(const std::string& email) {
  if (email.empty()) return nullptr;
  if (email.size() > kMaxLetterheadEmail || !LooksLikeEmail(email))
    return N_("Give the e-mail address as name@example.nl.");
  return nullptr;
}

std::string TemplateProblemText(const AppContext& app, Lang lang,
                                const TemplateFieldProblem& problem) {
  if (!problem.placeholder) return app.translator.Get(lang, problem.msgid);
  using Kind = letters::TemplateProblem::Kind;
  const letters::TemplateProblem& found = *problem.placeholder;
  const char* msgid = nullptr;
  switch (found.kind) {
    case Kind::kUnclosed:
      msgid =
          N_("Line {line}: a placeholder opened with {{ is not closed with }} on the same "
             "line.");
      break;
    case Kind::kStrayClose:
      msgid = N_("Line {line}: }} without {{ before it.");
      break;
    case Kind::kBadName:
      msgid =
          N_("Line {line}: {{{name}}} is not a placeholder. Names are written in lower-case "
             "letters, digits and _, such as {{reference}}.");
      break;
    case Kind::kUnknown:
    case Kind::kMissingValue:
      msgid = N_("Line {line}: {{{name}}} is not one of the placeholders listed on this page.");
      break;
    case Kind::kTooLong:
      msgid = N_("The text is longer than 20,000 characters.");
      break;
  }
  std::string text = app.translator.Get(lang, msgid);
  Replace(text, "{line}", std::to_string(found.line));
  Replace(text, "{name}", found.name);  // last: a name may itself hold braces
  return text;
}

const char* PlaceholderMeaning(std::string_view name) {
  if (name == "reference") return N_("the case's reference, such as MP-2026-000042");
  if (name == "date") return N_("the date of the letter");
  if (name == "other_party_name") return N_("the name of the other party the letter goes to");
  if (name == "other_party_address")
    return N_("the other party's address (it is also printed above the letter)");
  if (name == "incident_date") return N_("the date of the incident, as the report gives it");
  if (name == "summary")
    return N_("what the complaint is about, as the handler writes it for this letter");
  if (name == "reply_by") return N_("the date by which the other party is asked to reply");
  if (name == "handler_name") return N_("the name of the staff member who signs the letter");
  if (name == "bureau_name") return N_("the name of the bureau");
  if (name == "bureau_address")
    return N_("the address lines of the letterhead on one line (empty when there are none)");
  if (name == "bureau_phone")
    return N_("the bureau's telephone number from the letterhead (empty when there is none)");
  if (name == "bureau_email")
    return N_("the bureau's e-mail address from the letterhead (empty when there is none)");
  if (name == "bureau_contact")
    return N_(
        "a sentence telling the other party how to reach the bureau, made from the "
        "letterhead; it reads well even when the letterhead is empty");
  return "";
}

}  // namespace meldpunt::web
