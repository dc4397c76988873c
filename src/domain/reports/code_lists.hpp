#pragma once
// The versioned code lists (codelijsten) staff classify reports with: the national lists built
// into meldpunt (classification.hpp, handling.hpp; version kCodeListVersion) plus the codes an
// administrator added later, each change making a new version. A report keeps the version it
// was classified under. Codes are never deleted, only retired: a retired code stays readable on
// the reports that have it but is not offered for new classifications.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace meldpunt {

enum class CodeListKind { kGrounds, kDomains, kNatures, kHandlings };
inline constexpr CodeListKind kAllCodeListKinds[] = {CodeListKind::kGrounds, CodeListKind::kDomains,
                                                     CodeListKind::kNatures,
                                                     CodeListKind::kHandlings};
std::string_view CodeListCode(CodeListKind kind);  // "grounds", "domains", ...
std::optional<CodeListKind> ParseCodeList(std::string_view code);
// The codes meldpunt ships with, in their order.
std::span<const std::string_view> BuiltInCodes(CodeListKind kind);

// A code an administrator added, with its labels (built-in codes have theirs in the catalogs).
struct AddedCode {
  CodeListKind list = CodeListKind::kGrounds;
  std::string code;  // lower case a-z, digits and _; a sub-ground is "<ground>.<name>"
  std::string label_nl;
  std::string label_en;
  std::string added_in;    // version
  std::string retired_in;  // version; empty while in use
};

inline constexpr size_t kMaxCodeChars = 40;
inline constexpr size_t kMaxCodeLabelChars = 120;
inline constexpr size_t kMaxAddedCodes = 500;

class CodeLists {
 public:
  // The built-in lists only.
  CodeLists();
  CodeLists(std::string version, std::vector<AddedCode> added);

  const std::string& version() const { return version_; }
  // Offered for a new classification: built in, or added and not retired.
  bool IsActive(CodeListKind kind, std::string_view code) const;
  // Known at all (also retired): readable on old reports.
  bool IsKnown(CodeListKind kind, std::string_view code) const;
  // The active codes of a list: the built-in ones in their order, then the added ones.
  std::vector<std::string> ActiveCodes(CodeListKind kind) const;
  // The added code, for its labels and state; nullptr for built-in and unknown codes.
  const AddedCode* Added(CodeListKind kind, std::string_view code) const;
  const std::vector<AddedCode>& added() const { return added_; }

 private:
  std::string version_;
  std::vector<AddedCode> added_;
};

// Checks a code an administrator wants to add; the message says what is wrong, in English
// (the web layer shows its own translated messages per problem).
enum class NewCodeProblem {
  kBadCode,
  kExists,
  kLabelMissing,
  kLabelTooLong,
  kUnknownParent,
  kFull
};
std::optional<NewCodeProblem> CheckNewCode(const CodeLists& lists, const AddedCode& code);

// The version after `current` in the given year: "2026.1" in a new year, else the number after
// the dot plus one ("2026.1" -> "2026.2").
std::string NextCodeListVersion(std::string_view current, int year);

}  // namespace meldpunt
