#include "web/code_list_labels.hpp"

#include <array>

namespace meldpunt::web {
namespace {

// Handling (afhandeling), in the words staff use; codes as in domain/handling.hpp.
constexpr std::array kHandlingLabels = {
    CodeLabel{"registration_only", N_("Registration only")},
    CodeLabel{"advice", N_("Information and advice")},
    CodeLabel{"referral", N_("Referral")},
    CodeLabel{"intervention", N_("Letter to the other party (hearing both sides)")},
    CodeLabel{"mediation", N_("Mediation")},
    CodeLabel{"complaint_procedure", N_("Support in a complaint procedure")},
    CodeLabel{"police_report", N_("Support with a police report")},
    CodeLabel{"listening_ear", N_("Listening ear")},
    CodeLabel{"own_initiative", N_("Own initiative of the bureau")},
    CodeLabel{"other", N_("Other")},
};

}  // namespace

std::span<const CodeLabel> BuiltInLabels(CodeListKind kind) {
  switch (kind) {
    case CodeListKind::kGrounds:
      return GroundLabels();
    case CodeListKind::kDomains:
      return DomainLabels();
    case CodeListKind::kNatures:
      return NatureLabels();
    case CodeListKind::kHandlings:
      return kHandlingLabels;
  }
  return {};
}

std::string CodeListLabel(const AppContext& app, Lang lang, const CodeLists& lists,
                          CodeListKind kind, std::string_view code) {
  if (const AddedCode* added = lists.Added(kind, code))
    return lang == Lang::kNl ? added->label_nl : added->label_en;
  return LabelOf(app, lang, BuiltInLabels(kind), code);
}

}  // namespace meldpunt::web
