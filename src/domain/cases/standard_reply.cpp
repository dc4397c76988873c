#include "domain/cases/standard_reply.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/cases/case_tag.hpp"

namespace meldpunt {
namespace {

bool IsPlaceholderChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

bool IsKnownPlaceholder(std::string_view name) {
  return std::find(kReplyPlaceholders.begin(), kReplyPlaceholders.end(), name) !=
         kReplyPlaceholders.end();
}

// Walks a body: calls on_text for plain text, on_placeholder for "{name}" (any name of
// placeholder characters) and on_stray for a brace that is neither.
template <typename Text, typename Placeholder, typename Stray>
void Walk(std::string_view body, Text on_text, Placeholder on_placeholder, Stray on_stray) {
  int line = 1;
  size_t plain = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\n') ++line;
    if (c != '{' && c != '}') continue;
    on_text(body.substr(plain, i - plain));
    size_t end = i + 1;
    while (c == '{' && end < body.size() && IsPlaceholderChar(body[end])) ++end;
    if (c == '{' && end > i + 1 && end < body.size() && body[end] == '}') {
      on_placeholder(body.substr(i + 1, end - i - 1), line);
      i = end;
    } else {
      on_stray(body.substr(i, 1), line);
    }
    plain = i + 1;
  }
  if (plain < body.size()) on_text(body.substr(plain));
}

}  // namespace

std::string_view ReplyUseCode(ReplyUse use) {
  switch (use) {
    case ReplyUse::kMessage:
      return "message";
    case ReplyUse::kLetter:
      return "letter";
    case ReplyUse::kBoth:
      break;
  }
  return "both";
}

std::optional<ReplyUse> ParseReplyUse(std::string_view code) {
  for (ReplyUse use : {ReplyUse::kMessage, ReplyUse::kLetter, ReplyUse::kBoth}) {
    if (ReplyUseCode(use) == code) return use;
  }
  return std::nullopt;
}

bool ReplyUsableFor(ReplyUse use, ReplyUse where) { return use == ReplyUse::kBoth || use == where; }

std::vector<StandardReplyProblem> CheckReplyPlaceholders(std::string_view body) {
  std::vector<StandardReplyProblem> problems;
  Walk(
      body, [](std::string_view) {},
      [&](std::string_view name, int line) {
        if (!IsKnownPlaceholder(name))
          problems.push_back({"body", "unknown_placeholder", std::string(name), line});
      },
      [&](std::string_view brace, int line) {
        problems.push_back({"body", "stray_brace", std::string(brace), line});
      });
  return problems;
}

std::vector<StandardReplyProblem> CheckStandardReply(const StandardReplyInput& input) {
  std::vector<StandardReplyProblem> problems;
  std::string title = Trim(input.title);
  if (title.empty()) {
    problems.push_back({"title", "empty"});
  } else if (!IsValidUtf8Text(title, false)) {
    problems.push_back({"title", "not_text"});
  } else if (CountCodePoints(title) > kMaxStandardReplyTitleChars) {
    problems.push_back({"title", "too_long"});
  }
  if (input.lang != "nl" && input.lang != "en") problems.push_back({"lang", "choose"});
  if (!ParseReplyUse(input.use)) problems.push_back({"use", "choose"});
  std::string body = Trim(input.body);
  if (body.empty()) {
    problems.push_back({"body", "empty"});
  } else if (!IsValidUtf8Text(body, true)) {
    problems.push_back({"body", "not_text"});
  } else if (CountCodePoints(body) > kMaxStandardReplyBodyChars) {
    problems.push_back({"body", "too_long"});
  } else {
    for (auto& problem : CheckReplyPlaceholders(body)) problems.push_back(std::move(problem));
  }
  return problems;
}

FilledReply FillStandardReply(std::string_view body,
                              const std::map<std::string, std::string>& values) {
  FilledReply filled;
  Walk(
      body, [&](std::string_view text) { filled.text.append(text); },
      [&](std::string_view name, int) {
        auto value = values.find(std::string(name));
        if (value != values.end() && !value->second.empty()) {
          filled.text.append(value->second);
          return;
        }
        filled.text.append("{").append(name).append("}");
        if (std::find(filled.missing.begin(), filled.missing.end(), name) == filled.missing.end())
          filled.missing.emplace_back(name);
      },
      [&](std::string_view brace, int) { filled.text.append(brace); });
  return filled;
}

std::string ReplyTitleKey(std::string_view title) { return TagNameKey(title); }

std::vector<StandardReply> RepliesToOffer(const std::vector<StandardReply>& replies, ReplyUse where,
                                          std::string_view lang) {
  std::map<std::string, const StandardReply*> by_title;
  for (const auto& reply : replies) {
    if (reply.retired_at || !ReplyUsableFor(reply.use, where)) continue;
    auto [it, inserted] = by_title.emplace(ReplyTitleKey(reply.title), &reply);
    if (!inserted && it->second->lang != lang && reply.lang == lang) it->second = &reply;
  }
  std::vector<StandardReply> offered;
  for (const auto& [key, reply] : by_title) offered.push_back(*reply);
  return offered;
}

const StandardReply& ReplyInLanguage(const std::vector<StandardReply>& replies,
                                     const StandardReply& chosen, ReplyUse where,
                                     std::string_view lang) {
  if (chosen.lang == lang) return chosen;
  std::string key = ReplyTitleKey(chosen.title);
  for (const auto& reply : replies) {
    if (!reply.retired_at && reply.lang == lang && ReplyUsableFor(reply.use, where) &&
        ReplyTitleKey(reply.title) == key)
      return reply;
  }
  return chosen;
}

}  // namespace meldpunt
