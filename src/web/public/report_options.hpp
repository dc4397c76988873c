#pragma once
// The report form's choices in plain words: every code of the classification lists with the
// label a reporter reads, and the template data for radio buttons and check boxes.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "web/common/app.hpp"

namespace meldpunt::web {

struct CodeLabel {
  std::string_view code;
  const char* label;           // message id
  const char* hint = nullptr;  // optional message id shown under the label
};

std::span<const CodeLabel> ReporterRoleLabels();
std::span<const CodeLabel> NatureLabels();
std::span<const CodeLabel> GroundLabels();
std::span<const CodeLabel> DomainLabels();
std::span<const CodeLabel> ScopeLabels();
std::span<const CodeLabel> WishLabels();
std::span<const CodeLabel> ContactPreferenceLabels();

// The translated label of a code, or the code itself when the list does not have it.
std::string LabelOf(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                    std::string_view code);

// The labels of several codes, joined with "; ".
std::string LabelsOf(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                     const std::vector<std::string>& codes);

// The same, in the order of the code list (a ground before its sub-grounds, as the form lists
// them), whatever order the codes were read in; codes not in the list come last, as given.
std::string LabelsInListOrder(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                              const std::vector<std::string>& codes);

// One entry per code: value, id ("<field>-<code>"), label, hint, checked, and for wishes
// whether anonymity rules it out.
TemplateData Choices(const AppContext& app, Lang lang, std::string_view field,
                     std::span<const CodeLabel> labels, const std::vector<std::string>& chosen);

}  // namespace meldpunt::web
