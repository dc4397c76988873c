#pragma once
// A bureau's face in templates (issue 15): the header's name and logo, the footer's contact, the
// theme sheet, and the contact block of the confirmation and "other ways" pages. The bureau's own
// data is shown as typed; the fixed texts around it are in the page's language.
#include <optional>
#include <string>
#include <vector>

#include "store/bureau_store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// "/huisstijl/<id>/kleuren.css?v=<hash of the colours>"; empty without colours.
std::string ThemeUrl(const BureauFace& face);
// "/huisstijl/<id>/logo.png?v=<version>"; empty without a logo.
std::string LogoUrl(const BureauFace& face);
// The CSS that sets the bureau's colours as NL Design System tokens; empty without colours.
std::string ThemeCss(const BureauFace& face);
// A phone number as a tel: link target: "+" and digits only.
std::string TelHref(const std::string& phone);

// The contact of a bureau for templates: name, phone (and phone_href), email, postal_lines,
// visiting_lines, hours_lines, whatsapp, report_by_phone, report_at_desk, logo_url, has_address.
TemplateData FaceData(const BureauFace& face);

// The lines under "Kind regards," in an e-mail to a reporter (issue 15): the bureau's public name,
// then "Phone: …" and "E-mail: …" in the e-mail's language when set.
std::vector<std::string> MailSignature(const BureauFace& face, const Translator& translator,
                                       Lang lang);

// Sets `face` (FaceData) and `theme_url` in the layout's data for the bureau the page belongs to
// (BureauFaceSet::For); nothing for the neutral national face. No store access.
void AddBureauFace(const AppContext& app, std::optional<long long> bureau_id, TemplateData& layout);

}  // namespace meldpunt::web
