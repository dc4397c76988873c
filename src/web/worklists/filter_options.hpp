#pragma once
// The choices of the filters that the search page and the list of reports share.
#include <span>
#include <string>

#include "web/common/app.hpp"
#include "web/common/pages.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

// "Any …" first, then one option per code of a list, the chosen one selected.
kainjow::mustache::list CodeOptions(const AppContext& app, Lang lang, const char* any,
                                    std::span<const CodeLabel> labels, const std::string& chosen);

// "Any municipality", the two special values, then every current municipality.
kainjow::mustache::list MunicipalityChoices(const AppContext& app, Lang lang,
                                            const std::string& chosen);

}  // namespace meldpunt::web
