#pragma once
// The code lists (classification codes) and their changes.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>

#include "domain/reports/code_lists.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// One change to the code lists: a code added, or one retired.
struct CodeListEdit {
  enum class Kind { kAdd, kRetire } kind = Kind::kAdd;
  AddedCode code;  // for kRetire only list and code count
};

class CodeListStore {
 public:
  virtual ~CodeListStore() = default;

  // Code lists (soci_code_lists.cpp): the built-in lists and every code added since.
  virtual CodeLists LoadCodeLists() = 0;
  // Makes a new version (NextCodeListVersion of the current one in `year`) with this change and
  // returns it; nullopt, changing nothing, when the code exists already (kAdd) or is not an
  // added, active code (kRetire). The caller checks the code first (CheckNewCode).
  virtual std::optional<std::string> ChangeCodeLists(const CodeListEdit& edit,
                                                     long long staff_user_id, long long now,
                                                     int year) = 0;
};

}  // namespace meldpunt
