#include "web/common/bureau_face_view.hpp"

#include <cstdint>
#include <cstdio>

#include "domain/bureau/bureau_profile.hpp"
#include "web/common/bureau_faces.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

// FNV-1a: a short, stable name for the colours in the sheet's URL, so a changed colour is a new
// URL and an unchanged one stays cached (the same across restarts, unlike std::hash).
std::string ColourVersion(const BureauProfile& profile) {
  std::uint32_t hash = 2166136261u;
  for (char c : profile.primary_colour + profile.on_primary_colour) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  char out[9];
  std::snprintf(out, sizeof out, "%08x", hash);
  return out;
}

TemplateData Lines(const std::vector<std::string>& lines) {
  TemplateData list(TemplateData::type::list);
  for (const auto& line : lines) {
    TemplateData item;
    item.set("line", line);
    list.push_back(item);
  }
  return list;
}

bool HasColours(const BureauFace& face) {
  return !face.profile.primary_colour.empty() && !face.profile.on_primary_colour.empty();
}

}  // namespace

std::string ThemeUrl(const BureauFace& face) {
  if (!HasColours(face)) return {};
  return "/huisstijl/" + std::to_string(face.id) + "/kleuren.css?v=" + ColourVersion(face.profile);
}

std::string LogoUrl(const BureauFace& face) {
  if (face.logo_png.empty()) return {};
  return "/huisstijl/" + std::to_string(face.id) +
         "/logo.png?v=" + std::to_string(face.logo_version);
}

std::string ThemeCss(const BureauFace& face) {
  if (!HasColours(face)) return {};
  // Only where the text-on-primary colour sits on the primary colour: the pair's contrast was
  // checked (at least 4.5:1), the primary colour on white was not, so links keep the site's blue.
  const std::string& primary = face.profile.primary_colour;
  const std::string& on_primary = face.profile.on_primary_colour;
  return "/* " + std::to_string(face.id) +
         ": the bureau's colours as NL Design System tokens (meldpunt, issue 15) */\n"
         ":root {\n"
         "  --utrecht-page-header-background-color: " +
         primary +
         ";\n"
         "  --utrecht-page-header-color: " +
         on_primary +
         ";\n"
         "  --utrecht-button-primary-action-background-color: " +
         primary +
         ";\n"
         "  --utrecht-button-primary-action-border-color: " +
         primary +
         ";\n"
         "  --utrecht-button-primary-action-color: " +
         on_primary +
         ";\n"
         "  --utrecht-button-primary-action-hover-background-color: " +
         primary +
         ";\n"
         "  --utrecht-button-primary-action-hover-color: " +
         on_primary +
         ";\n"
         "}\n";
}

std::string TelHref(const std::string& phone) {
  std::string href = "tel:";
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || (c == '+' && href.size() == 4)) href += c;
  }
  return href;
}

TemplateData FaceData(const BureauFace& face) {
  const BureauProfile& p = face.profile;
  TemplateData data;
  data.set("id", std::to_string(face.id));
  data.set("name", PublicNameOf(p, face.name));
  if (!p.phone.empty()) {
    data.set("phone", p.phone);
    data.set("phone_href", TelHref(p.phone));
  }
  if (!p.email.empty()) data.set("email", p.email);
  if (!p.whatsapp.empty()) data.set("whatsapp", p.whatsapp);
  data.set("postal_lines", Lines(p.postal_address));
  data.set("visiting_lines", Lines(p.visiting_address));
  std::vector<std::string> hours = AddressLines(p.opening_hours);
  data.set("hours_lines", Lines(hours));
  data.set("has_postal", Bool(!p.postal_address.empty()));
  data.set("has_visiting", Bool(!p.visiting_address.empty()));
  data.set("has_hours", Bool(!hours.empty()));
  data.set("report_by_phone", Bool(p.report_by_phone && !p.phone.empty()));
  data.set("report_at_desk", Bool(p.report_at_desk && !p.visiting_address.empty()));
  data.set("has_whatsapp", Bool(!p.whatsapp.empty()));
  data.set("has_email", Bool(!p.email.empty()));
  if (std::string logo = LogoUrl(face); !logo.empty()) data.set("logo_url", logo);
  return data;
}

std::vector<std::string> MailSignature(const BureauFace& face, const Translator& translator,
                                       Lang lang) {
  const BureauProfile& p = face.profile;
  std::vector<std::string> lines = {PublicNameOf(p, face.name)};
  if (!p.phone.empty()) lines.push_back(translator.Get(lang, N_("Phone:")) + " " + p.phone);
  if (!p.email.empty()) lines.push_back(translator.Get(lang, N_("E-mail:")) + " " + p.email);
  return lines;
}

void AddBureauFace(const AppContext& app, std::optional<long long> bureau_id,
                   TemplateData& layout) {
  if (!app.faces) return;
  auto set = app.faces->Current();
  const BureauFace* face = set->For(bureau_id);
  if (!face) return;
  layout.set("face", FaceData(*face));
  if (std::string theme = ThemeUrl(*face); !theme.empty()) layout.set("theme_url", theme);
}

}  // namespace meldpunt::web
