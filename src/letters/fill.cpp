#include "letters/fill.hpp"

#include <algorithm>
#include <optional>

#include "base/text.hpp"
#include "domain/reports/report.hpp"
#include "letters/letter.hpp"

namespace meldpunt::letters {
namespace {

constexpr size_t kMaxNameLength = 40;

bool IsKnown(std::string_view name) {
  return std::find(kLetterPlaceholders.begin(), kLetterPlaceholders.end(), name) !=
         kLetterPlaceholders.end();
}

bool IsWellFormedName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string_view TrimSpaces(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

// Walks a template once, handing literal text and placeholder names to the callbacks, and
// collects the problems of syntax and names on the way.
template <class OnText, class OnName>
std::vector<TemplateProblem> Scan(std::string_view text, OnText on_text, OnName on_name) {
  std::vector<TemplateProblem> problems;
  if (CountCodePoints(text) > kMaxTemplateChars) {
    problems.push_back({TemplateProblem::Kind::kTooLong, {}, 0});
    return problems;
  }
  int line = 1;
  size_t pos = 0;
  // Literal text up to `end`, counting the lines it spans.
  auto literal = [&](size_t end) {
    std::string_view piece = text.substr(pos, end - pos);
    line += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
    on_text(piece);
    pos = end;
  };
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    size_t close = text.find("}}", pos);
    if (close < open) {
      literal(close);
      problems.push_back({TemplateProblem::Kind::kStrayClose, {}, line});
      literal(close + 2);
      continue;
    }
    if (open == std::string_view::npos) {
      literal(text.size());
      break;
    }
    literal(open);
    size_t end = text.find("}}", open + 2);
    size_t next_open = text.find("{{", open + 2);
    size_t line_end = text.find('\n', open);
    // A placeholder ends on its own line and holds no other "{{": otherwise the admin forgot to
    // close it, and the rest of the text is still checked.
    if (end == std::string_view::npos || end > line_end || next_open < end) {
      problems.push_back({TemplateProblem::Kind::kUnclosed, {}, line});
      literal(open + 2);
      continue;
    }
    std::string_view name = TrimSpaces(text.substr(open + 2, end - open - 2));
    // "{{{x}}}" is Mustache's unescaped form: its closing brace must not be left behind as text.
    size_t after = end + 2;
    while (after < text.size() && text[after] == '}') ++after;
    if (!IsWellFormedName(name) || after != end + 2) {
      problems.push_back({TemplateProblem::Kind::kBadName,
                          std::string(text.substr(open + 2, after - open - 4)), line});
    } else if (!IsKnown(name)) {
      problems.push_back({TemplateProblem::Kind::kUnknown, std::string(name), line});
    } else {
      on_name(name, line, problems);
    }
    pos = after;
  }
  return problems;
}

}  // namespace

std::vector<TemplateProblem> CheckLetterTemplate(std::string_view template_text) {
  return Scan(
      template_text, [](std::string_view) {},
      [](std::string_view, int, std::vector<TemplateProblem>&) {});
}

Result<std::string> FillLetter(std::string_view template_text,
                               const std::map<std::string, std::string>& values) {
  std::string out;
  size_t chars = 0;
  bool too_long = false;
  // Counted as it grows, so that a template repeating a long value cannot take much memory.
  auto append = [&](std::string_view piece) {
    if (too_long) return;
    chars += CountCodePoints(piece);
    if (chars > kMaxTemplateChars) {
      too_long = true;
      return;
    }
    out.append(piece);
  };
  auto problems =
      Scan(template_text, append,
           [&](std::string_view name, int line, std::vector<TemplateProblem>& found) {
             auto value = values.find(std::string(name));
             if (value == values.end()) {
               found.push_back({TemplateProblem::Kind::kMissingValue, std::string(name), line});
             } else {
               append(value->second);
             }
           });
  if (too_long) problems.push_back({TemplateProblem::Kind::kTooLong, {}, 0});
  if (!problems.empty())
    return Error{"the letter template cannot be filled: " + DescribeProblems(problems)};
  return out;
}

std::string DescribeProblems(const std::vector<TemplateProblem>& problems) {
  std::string text;
  for (const TemplateProblem& problem : problems) {
    if (!text.empty()) text += "; ";
    if (problem.line > 0) text += "line " + std::to_string(problem.line) + ": ";
    switch (problem.kind) {
      case TemplateProblem::Kind::kUnclosed:
        text += "{{ is not closed on its line";
        break;
      case TemplateProblem::Kind::kStrayClose:
        text += "}} without {{";
        break;
      case TemplateProblem::Kind::kBadName:
        text +=
            "{{" + problem.name + "}} is not a placeholder name (lower-case letters, digits, _)";
        break;
      case TemplateProblem::Kind::kUnknown:
        text += "unknown placeholder {{" + problem.name + "}}";
        break;
      case TemplateProblem::Kind::kMissingValue:
        text += "no value for {{" + problem.name + "}}";
        break;
      case TemplateProblem::Kind::kTooLong:
        text += "longer than " + std::to_string(kMaxTemplateChars) + " characters";
        break;
    }
  }
  return text;
}

}  // namespace meldpunt::letters
