#include "web/worklists/saved_filter_rules.hpp"

#include <cctype>

#include "base/text.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

std::optional<const char*> SavedFilterNameProblem(std::string_view name) {
  if (name.empty()) return N_("Give the filter a name.");
  if (!IsValidUtf8Text(name, false) || CountCodePoints(name) > kMaxSavedFilterNameChars)
    return N_("The name may have at most 60 characters, on one line.");
  return std::nullopt;
}

std::optional<std::string> SavedFilterQuery(std::string_view query) {
  if (query.size() > kMaxSavedFilterQueryChars) return std::nullopt;
  for (unsigned char c : query) {
    bool allowed = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%' ||
                   c == '&' || c == '=' || c == '+';
    if (!allowed) return std::nullopt;
  }
  std::string kept;
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(pos, end - pos);
    std::string_view name = pair.substr(0, pair.find('='));
    if (!pair.empty() && name != "na" && name != "voor" && name != "bewaard") {
      if (!kept.empty()) kept += '&';
      kept += pair;
    }
    pos = end + 1;
  }
  return kept;
}

}  // namespace meldpunt::web
