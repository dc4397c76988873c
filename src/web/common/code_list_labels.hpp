#pragma once
// Labels of codes from the versioned code lists: built-in codes through the catalogs, codes an
// administrator added through the labels stored with them.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/reports/code_lists.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

// The built-in labels of a list (handlings have staff words; the others the form's words).
std::span<const CodeLabel> BuiltInLabels(CodeListKind kind);

// The label of any known code in the user's language; the code itself when unknown.
std::string CodeListLabel(const AppContext& app, Lang lang, const CodeLists& lists,
                          CodeListKind kind, std::string_view code);

// Checkbox or radio choices of one list (value, id "<field>-<code>", label, checked, sub,
// retired): the active codes, and the chosen ones even when retired.
kainjow::mustache::list CodeListChoices(const AppContext& app, Lang lang, const CodeLists& lists,
                                        CodeListKind kind, std::string_view field,
                                        const std::vector<std::string>& chosen);

}  // namespace meldpunt::web
