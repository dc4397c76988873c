#include "web/admin/bureau_profile_handlers.hpp"

#include <cstdio>
#include <map>

#include "domain/bureau/bureau_profile.hpp"
#include "domain/bureau/colour_contrast.hpp"
#include "evidence/images.hpp"
#include "evidence/media_type.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "web/common/bureau_face_view.hpp"
#include "web/common/bureau_faces.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

// What is shown back of a field typed too long (never stored): enough to see what was meant.
constexpr size_t kMaxShownBack = 2000;

struct FieldInfo {
  ProfileField field;
  const char* name;  // the form field and, with "profile-", the input's id
};

constexpr FieldInfo kFields[] = {
    {ProfileField::kPublicName, "public_name"},
    {ProfileField::kPhone, "phone"},
    {ProfileField::kEmail, "email"},
    {ProfileField::kPostalAddress, "postal_address"},
    {ProfileField::kVisitingAddress, "visiting_address"},
    {ProfileField::kOpeningHours, "opening_hours"},
    {ProfileField::kWhatsapp, "whatsapp"},
    {ProfileField::kPrimaryColour, "primary_colour"},
    {ProfileField::kOnPrimaryColour, "on_primary_colour"},
};

const char* FieldName(ProfileField field) {
  for (const auto& info : kFields) {
    if (info.field == field) return info.name;
  }
  return "";
}

std::string ProblemText(const AppContext& app, Lang lang, const ProfileError& error) {
  const Translator& t = app.translator;
  switch (error.problem) {
    case ProfileProblem::kTooLong:
      return t.Get(lang, N_("This is too long. Shorten it."));
    case ProfileProblem::kTooManyLines:
      return t.Get(lang, N_("This has too many lines. Use at most 6 lines for an address and 8 "
                            "for the opening hours."));
    case ProfileProblem::kInvalidText:
      return t.Get(lang, N_("This contains characters that cannot be stored. Type it again."));
    case ProfileProblem::kNotAPhone:
      return t.Get(lang, N_("Enter a phone number of 6 to 20 digits, such as 030 123 45 67."));
    case ProfileProblem::kNotAnEmail:
      return t.Get(lang, N_("Enter an e-mail address such as info@bureau.nl."));
    case ProfileProblem::kNotAColour:
      return t.Get(lang, N_("Enter a colour as # and six hexadecimal digits, such as #00497a."));
    case ProfileProblem::kColourMissing:
      return t.Get(lang, N_("Enter both colours, or leave both empty to use the site's colours."));
    case ProfileProblem::kPhoneNeeded:
      return t.Get(lang, N_("Enter the phone number, or untick reporting by phone."));
    case ProfileProblem::kAddressNeeded:
      return t.Get(lang, N_("Enter the visiting address, or untick reporting at the desk."));
    case ProfileProblem::kLowContrast:
      break;
  }
  char ratio[16];
  std::snprintf(ratio, sizeof ratio, "%.2f", error.contrast);
  return FillIn(t.Get(lang, N_("The text colour on the primary colour has a contrast of {ratio}:1; "
                               "at least 4.5:1 is needed so everyone can read it. Choose a darker "
                               "or lighter colour.")),
                "{ratio}", ratio);
}

// The form's values: as typed (after a refused save) or as stored.
struct Typed {
  std::map<std::string, std::string> text;
  bool report_by_phone = false;
  bool report_at_desk = false;
};

Typed FromProfile(const BureauProfile& p) {
  Typed typed;
  typed.text = {{"public_name", p.public_name},
                {"phone", p.phone},
                {"email", p.email},
                {"postal_address", JoinLines(p.postal_address)},
                {"visiting_address", JoinLines(p.visiting_address)},
                {"opening_hours", p.opening_hours},
                {"whatsapp", p.whatsapp},
                {"primary_colour", p.primary_colour},
                {"on_primary_colour", p.on_primary_colour}};
  typed.report_by_phone = p.report_by_phone;
  typed.report_at_desk = p.report_at_desk;
  return typed;
}

http::Response ProfilePage(const AppContext& app, const http::Request& request,
                           const StaffSession& staff, int status, const Typed& typed,
                           const std::vector<ProfileError>& errors,
                           const std::string& logo_error = {}) {
  Lang lang = LangOf(request);
  long long bureau_id = *staff.bureau_id;
  TemplateData data;
  for (const auto& [name, value] : typed.text) data.set(name, value);
  data.set("report_by_phone", Bool(typed.report_by_phone));
  data.set("report_at_desk", Bool(typed.report_at_desk));
  kainjow::mustache::list summary;
  for (const auto& error : errors) {
    std::string name = FieldName(error.field);
    std::string message = ProblemText(app, lang, error);
    // The first message of a field is shown at the field.
    if (data.get(name + "_error") == nullptr) data.set(name + "_error", message);
    TemplateData item;
    item.set("id", "profile-" + name);
    item.set("message", message);
    summary.push_back(item);
  }
  data.set("errors", summary);
  data.set("has_errors", Bool(!errors.empty()));
  if (!logo_error.empty()) data.set("logo_error", logo_error);
  data.set("saved", Bool(request.QueryParam("opgeslagen") == "1"));
  data.set("logo_saved", Bool(request.QueryParam("logo") == "1"));
  // The bureau's name, logo and public face as the public sees them now.
  for (const auto& face : app.bureaus.ListBureauFaces()) {
    if (face.id != bureau_id) continue;
    data.set("bureau", face.name);
    if (std::string logo = LogoUrl(face); !logo.empty()) data.set("logo_url", logo);
  }
  data.set("max_logo_mb", std::to_string(kMaxLogoUploadBytes / (1024 * 1024)));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_bureau_profile", N_("Bureau details"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

void ReloadFaces(const AppContext& app) {
  if (app.faces) app.faces->Reload(app.bureaus);
}

}  // namespace

http::FormLimits LogoFormLimits() {
  return http::FormLimits{.max_fields = 5,
                          .multipart = {.max_parts = 8,
                                        .max_part_header_bytes = 2048,
                                        .max_field_bytes = 4096,
                                        .max_files = 1,
                                        .max_file_bytes = kMaxLogoUploadBytes,
                                        .max_total_file_bytes = kMaxLogoUploadBytes}};
}

// The route policy lets in the bureau admin (Permission::kManageBureauSettings); a session
// without a bureau has no profile to keep.
http::Response StaffBureauProfilePage(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  return ProfilePage(app, req.http, req.staff, 200,
                     FromProfile(app.bureaus.GetBureauProfile(*req.bureau())), {});
}

http::Response StaffBureauProfileSave(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  const http::FormFields& form = req.form.fields;
  Typed typed;
  for (const auto& info : kFields) {
    std::string text = form.Get(info.name);
    if (text.size() > kMaxShownBack) text.resize(kMaxShownBack);
    typed.text[info.name] = text;
  }
  typed.report_by_phone = form.Get("report_by_phone") == "1";
  typed.report_at_desk = form.Get("report_at_desk") == "1";
  BureauProfile profile;
  profile.public_name = typed.text["public_name"];
  profile.phone = typed.text["phone"];
  profile.email = typed.text["email"];
  profile.postal_address = AddressLines(typed.text["postal_address"]);
  profile.visiting_address = AddressLines(typed.text["visiting_address"]);
  profile.opening_hours = typed.text["opening_hours"];
  profile.whatsapp = typed.text["whatsapp"];
  profile.primary_colour = typed.text["primary_colour"];
  profile.on_primary_colour = typed.text["on_primary_colour"];
  profile.report_by_phone = typed.report_by_phone;
  profile.report_at_desk = typed.report_at_desk;
  std::vector<ProfileError> errors = CheckBureauProfile(profile);
  if (!errors.empty()) return ProfilePage(app, req.http, req.staff, 422, typed, errors);

  long long bureau_id = *req.bureau();
  BureauProfile before = app.bureaus.GetBureauProfile(bureau_id);
  app.bureaus.SaveBureauProfile(bureau_id, profile, req.staff.user_id, app.now());
  ReloadFaces(app);
  // The audit names the fields that changed; the values are the bureau's public details.
  Typed old_values = FromProfile(before);
  Typed new_values = FromProfile(profile);
  std::string changed;
  for (const auto& info : kFields) {
    if (old_values.text[info.name] != new_values.text[info.name])
      changed += std::string(" ") + info.name;
  }
  if (before.report_by_phone != profile.report_by_phone) changed += " report_by_phone";
  if (before.report_at_desk != profile.report_at_desk) changed += " report_at_desk";
  app.audit.Audit(req.staff.user_id, "bureau.profile",
                  "bureau " + std::to_string(bureau_id) + ":" + (changed.empty() ? " -" : changed),
                  app.now());
  return http::Response::SeeOther(std::string(kBureauProfilePath) + "?opgeslagen=1");
}

http::Response StaffBureauLogoSave(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  long long bureau_id = *req.bureau();
  Lang lang = LangOf(req.http);
  auto refuse = [&](const char* msgid) {
    return ProfilePage(app, req.http, req.staff, 422,
                       FromProfile(app.bureaus.GetBureauProfile(bureau_id)), {},
                       app.translator.Get(lang, msgid));
  };
  if (req.form.fields.Get("remove") == "1") {
    app.bureaus.SaveBureauLogo(bureau_id, "", req.staff.user_id, app.now());
    ReloadFaces(app);
    app.audit.Audit(req.staff.user_id, "bureau.logo",
                    "bureau " + std::to_string(bureau_id) + ": removed", app.now());
    return http::Response::SeeOther(std::string(kBureauProfilePath) + "?logo=1");
  }
  const http::UploadedFile* file = nullptr;
  for (const auto& f : req.form.files) {
    if (f.field == "logo" && !f.bytes.empty()) file = &f;
  }
  if (!file) return refuse(N_("Choose a logo file (PNG, JPEG or WebP)."));
  // The content decides, never the name or the declared type; SVG is not taken (it can hold
  // scripts and links).
  std::string media_type = evidence::SniffMediaType(file->bytes);
  std::optional<EvidenceType> type;
  if (media_type == "image/png") type = EvidenceType::kPng;
  if (media_type == "image/jpeg") type = EvidenceType::kJpeg;
  if (media_type == "image/webp") type = EvidenceType::kWebp;
  if (!type) return refuse(N_("The logo must be a PNG, JPEG or WebP picture. SVG is not taken."));
  auto png = evidence::ReencodeLogo(file->bytes, *type, kLogoMaxWidth, kLogoMaxHeight);
  if (!png) return refuse(N_("This picture could not be read. Save it again as PNG and retry."));
  if (png->size() > kMaxLogoBytes) {
    return refuse(N_("This logo is too detailed to show quickly. Use a simpler picture."));
  }
  app.bureaus.SaveBureauLogo(bureau_id, *png, req.staff.user_id, app.now());
  ReloadFaces(app);
  app.audit.Audit(
      req.staff.user_id, "bureau.logo",
      "bureau " + std::to_string(bureau_id) + ": " + std::to_string(png->size()) + " bytes",
      app.now());
  return http::Response::SeeOther(std::string(kBureauProfilePath) + "?logo=1");
}

}  // namespace meldpunt::web
