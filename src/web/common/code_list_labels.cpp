#include "web/common/code_list_labels.hpp"

#include <algorithm>

#include "web/cases/case_labels.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
std::span<const CodeLabel> BuiltInLabels(CodeListKind kind) {
  switch (kind) {
    case CodeListKind::kGrounds:
      return GroundLabels();
    case CodeListKind::kDomains:
      return DomainLabels();
    case CodeListKind::kNatures:
      return NatureLabels();
    case CodeListKind::kHandlings:
      return HandlingLabels();  // the words of the case page
  }
  return {};
}

std::string CodeListLabel(const AppContext& app, Lang lang, const CodeLists& lists,
                          CodeListKind kind, std::string_view code) {
  if (const AddedCode* added = lists.Added(kind, code))
    return lang == Lang::kNl ? added->label_nl : added->label_en;
  return LabelOf(app, lang, BuiltInLabels(kind), code);
}

kainjow::mustache::list CodeListChoices(const AppContext& app, Lang lang, const CodeLists& lists,
                                        CodeListKind kind, std::string_view field,
                                        const std::vector<std::string>& chosen) {
  auto contains = [](const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  std::vector<std::string> codes = lists.ActiveCodes(kind);
  for (const auto& code : chosen) {
    if (!contains(codes, code) && lists.IsKnown(kind, code)) codes.push_back(code);
  }
  kainjow::mustache::list items;
  for (const auto& code : codes) {
    TemplateData item;
    std::string id = std::string(field) + "-" + code;
    std::replace(id.begin(), id.end(), '.', '-');
    item.set("value", code);
    item.set("id", id);
    item.set("label", CodeListLabel(app, lang, lists, kind, code));
    item.set("checked", Bool(contains(chosen, code)));
    item.set("sub", Bool(code.find('.') != std::string::npos));
    item.set("retired", Bool(!lists.IsActive(kind, code)));
    items.push_back(item);
  }
  return items;
}

}  // namespace meldpunt::web
