#pragma once
// Standard replies (standaardteksten): a bureau's own texts that its staff insert into a message
// to the reporter or into a letter to the other party, with placeholders that the case fills in
// ("{referentie}", "{datum_melding}"). The bureau's admin writes them, in Dutch or English; staff
// insert one and edit the result before sending. The rule for placeholders is strict, as for
// letter templates: a text with an unknown placeholder is refused when it is saved, so a handler
// never inserts a text with a gap that nobody noticed.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

// Limits: a title is one short line, a body fits a message to the reporter (kMaxMessageChars is
// 5,000; a text leaves room for what the handler adds), and a bureau has at most this many texts,
// retired ones included.
inline constexpr size_t kMaxStandardReplyTitleChars = 80;
inline constexpr size_t kMaxStandardReplyBodyChars = 3000;
inline constexpr long long kMaxStandardRepliesPerBureau = 100;

// What a text is for (gebruik): a message to the reporter, the text of a letter, or both.
enum class ReplyUse { kMessage, kLetter, kBoth };
std::string_view ReplyUseCode(ReplyUse use);  // "message", "letter", "both"
std::optional<ReplyUse> ParseReplyUse(std::string_view code);
// Whether a text of this use is offered where `where` (kMessage or kLetter) is written.
bool ReplyUsableFor(ReplyUse use, ReplyUse where);

// The placeholders a text may use, each between single braces: the Dutch names staff see.
inline constexpr std::array<std::string_view, 6> kReplyPlaceholders = {
    "referentie",       // the case's reference (MP-2026-000042)
    "datum_melding",    // the day the report was received, written out ("3 maart 2026")
    "behandelaar",      // the case's handler
    "bureau",           // the bureau's name
    "telefoon_bureau",  // the bureau's telephone number (letterhead), when it has one
    "email_bureau",     // the bureau's e-mail address (letterhead), when it has one
};

struct StandardReply {
  long long id = 0;
  long long bureau_id = 0;
  std::string title;
  std::string lang;  // "nl" or "en"
  ReplyUse use = ReplyUse::kBoth;
  std::string body;
  std::optional<long long> retired_at;  // Unix seconds; a retired text is not offered
  long long updated_at = 0;
};

// A text as the admin typed it.
struct StandardReplyInput {
  std::string title;
  std::string lang;
  std::string use;
  std::string body;
};

// One problem of a text: the field ("title", "lang", "use", "body"), a code, and for placeholder
// problems the text between the braces and its line (1-based).
struct StandardReplyProblem {
  std::string field;
  std::string code;  // empty, too_long, not_text, choose, unknown_placeholder, stray_brace
  std::string name = {};
  int line = 0;
};

// Every problem of a text, in field order; empty when it may be saved. The title and body are
// checked trimmed (as they are stored).
std::vector<StandardReplyProblem> CheckStandardReply(const StandardReplyInput& input);

// The placeholder problems of a body: "{name}" with a name not in kReplyPlaceholders, and a
// brace that opens or closes no placeholder ("{" is only for placeholders).
std::vector<StandardReplyProblem> CheckReplyPlaceholders(std::string_view body);

// The body with every placeholder that has a non-empty value replaced by it, in one pass (a value
// is never read for placeholders itself). A placeholder without a value stays as it is, so the
// handler sees it in the form and fills it in; `missing` names those, once each.
struct FilledReply {
  std::string text;
  std::vector<std::string> missing;
};
FilledReply FillStandardReply(std::string_view body,
                              const std::map<std::string, std::string>& values);

// The title as compared to pair the Dutch and English versions of one text and to refuse a
// second text of the same title and language: trimmed, ASCII lower case, runs of spaces as one.
std::string ReplyTitleKey(std::string_view title);

// The texts to offer where `where` is written, for a reader of language `lang`: one per title,
// the one in `lang` when the bureau has it, else the other; active texts only, by title.
std::vector<StandardReply> RepliesToOffer(const std::vector<StandardReply>& replies, ReplyUse where,
                                          std::string_view lang);

// The text to insert for the chosen one: its version in `lang` (same title key and usable where
// written) when there is one, else the chosen text itself.
const StandardReply& ReplyInLanguage(const std::vector<StandardReply>& replies,
                                     const StandardReply& chosen, ReplyUse where,
                                     std::string_view lang);

}  // namespace meldpunt
