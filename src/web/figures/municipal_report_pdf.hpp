#pragma once
// The municipal yearly report as PDF in the reader's language: the texts of the HTML page and the
// CSV (labels, captions, "< 5" and "x") handed to the renderer in web/figures/pdf/.
#include <string>

#include "base/result.hpp"
#include "domain/figures/figures.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

// `suppressed`: the report went through SuppressReport (then the PDF explains "< 5" and "x", and
// does not say how many mass reports it holds, as the page does not for municipality viewers).
Result<std::string> RenderMunicipalReportPdf(const AppContext& app, Lang lang,
                                             const MunicipalReport& report, long long threshold,
                                             bool suppressed);

}  // namespace meldpunt::web
