#include "web/worklists/filter_options.hpp"

#include "domain/municipality.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {

kainjow::mustache::list CodeOptions(const AppContext& app, Lang lang, const char* any,
                                    std::span<const CodeLabel> labels, const std::string& chosen) {
  kainjow::mustache::list options;
  options.push_back(SelectOption("", app.translator.Get(lang, any), chosen.empty()));
  for (const auto& entry : labels) {
    std::string code(entry.code);
    // Sub-grounds (origin.anti_black) are set off under their ground.
    std::string label = app.translator.Get(lang, entry.label);
    if (code.find('.') != std::string::npos) label = "– " + label;
    options.push_back(SelectOption(code, label, code == chosen));
  }
  return options;
}

kainjow::mustache::list MunicipalityChoices(const AppContext& app, Lang lang,
                                            const std::string& chosen) {
  kainjow::mustache::list options;
  options.push_back(
      SelectOption("", app.translator.Get(lang, N_("Any municipality")), chosen.empty()));
  for (std::string_view special : {kIncidentNotApplicable, kResidenceUnknown}) {
    std::string code(special);
    options.push_back(SelectOption(code, MunicipalityLabel(app, lang, code), code == chosen));
  }
  for (const auto& m : app.municipalities.Current())
    options.push_back(SelectOption(m.code, m.name, m.code == chosen));
  return options;
}

}  // namespace meldpunt::web
