#include "domain/reports/code_lists.hpp"

#include <algorithm>
#include <charconv>

#include "domain/cases/handling.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

constexpr std::string_view kListCodes[] = {"grounds", "domains", "natures", "handlings"};

bool ValidSlug(std::string_view text) {
  if (text.empty() || text.size() > kMaxCodeChars) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::string_view CodeListCode(CodeListKind kind) { return kListCodes[static_cast<size_t>(kind)]; }

std::optional<CodeListKind> ParseCodeList(std::string_view code) {
  for (CodeListKind kind : kAllCodeListKinds) {
    if (CodeListCode(kind) == code) return kind;
  }
  return std::nullopt;
}

std::span<const std::string_view> BuiltInCodes(CodeListKind kind) {
  switch (kind) {
    case CodeListKind::kGrounds:
      return kGrounds;
    case CodeListKind::kDomains:
      return kDomains;
    case CodeListKind::kNatures:
      return kNatures;
    case CodeListKind::kHandlings:
      return kHandlings;
  }
  return {};
}

CodeLists::CodeLists() : version_(kCodeListVersion) {}

CodeLists::CodeLists(std::string version, std::vector<AddedCode> added)
    : version_(std::move(version)), added_(std::move(added)) {}

const AddedCode* CodeLists::Added(CodeListKind kind, std::string_view code) const {
  for (const auto& added : added_) {
    if (added.list == kind && added.code == code) return &added;
  }
  return nullptr;
}

bool CodeLists::IsKnown(CodeListKind kind, std::string_view code) const {
  return IsCode(BuiltInCodes(kind), code) || Added(kind, code) != nullptr;
}

bool CodeLists::IsActive(CodeListKind kind, std::string_view code) const {
  if (IsCode(BuiltInCodes(kind), code)) return true;
  const AddedCode* added = Added(kind, code);
  return added && added->retired_in.empty();
}

std::vector<std::string> CodeLists::ActiveCodes(CodeListKind kind) const {
  std::vector<std::string> codes;
  for (std::string_view code : BuiltInCodes(kind)) codes.emplace_back(code);
  for (const auto& added : added_) {
    if (added.list == kind && added.retired_in.empty()) codes.push_back(added.code);
  }
  return codes;
}

std::optional<NewCodeProblem> CheckNewCode(const CodeLists& lists, const AddedCode& code) {
  if (lists.added().size() >= kMaxAddedCodes) return NewCodeProblem::kFull;
  std::string_view text = code.code;
  size_t dot = text.find('.');
  if (dot != std::string_view::npos) {
    // Only grounds have sub-grounds, one level deep, under a known ground.
    if (code.list != CodeListKind::kGrounds || !ValidSlug(text.substr(0, dot)) ||
        !ValidSlug(text.substr(dot + 1))) {
      return NewCodeProblem::kBadCode;
    }
    if (!lists.IsActive(CodeListKind::kGrounds, text.substr(0, dot)))
      return NewCodeProblem::kUnknownParent;
  } else if (!ValidSlug(text)) {
    return NewCodeProblem::kBadCode;
  }
  if (lists.IsKnown(code.list, text)) return NewCodeProblem::kExists;
  if (code.label_nl.empty() || code.label_en.empty()) return NewCodeProblem::kLabelMissing;
  if (code.label_nl.size() > kMaxCodeLabelChars || code.label_en.size() > kMaxCodeLabelChars)
    return NewCodeProblem::kLabelTooLong;
  return std::nullopt;
}

std::string NextCodeListVersion(std::string_view current, int year) {
  std::string prefix = std::to_string(year) + ".";
  int number = 0;
  if (current.starts_with(prefix)) {
    std::string_view rest = current.substr(prefix.size());
    std::from_chars(rest.data(), rest.data() + rest.size(), number);
  }
  return prefix + std::to_string(number + 1);
}

}  // namespace meldpunt
