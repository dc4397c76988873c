#pragma once
// The rules of saved filters (bewaarde filters, issue 14), pure so they are tested without a
// server: the name's limits, and the part of the list's address that is saved.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt::web {

inline constexpr size_t kMaxSavedFilterNameChars = 60;  // characters (code points)
inline constexpr size_t kMaxSavedFilterQueryChars = 1000;
inline constexpr int kMaxSavedFiltersPerUser = 20;

// What is wrong with a name (trimmed first): the English msgid, or nullopt when it is fine.
std::optional<const char*> SavedFilterNameProblem(std::string_view name);

// The query string of the list to save, from the list's own (without "?"): as given, but without
// the paging parameters (na, voor) and the "saved" notice (bewaard), so the filter opens on its
// first page. nullopt when it is too long or holds a character a query string never needs.
std::optional<std::string> SavedFilterQuery(std::string_view query);

}  // namespace meldpunt::web
