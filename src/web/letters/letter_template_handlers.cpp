#include "web/letters/letter_template_handlers.hpp"

#include <optional>

#include "base/text.hpp"
#include "domain/bureau/bureau_profile.hpp"
#include "domain/dutch_time.hpp"
#include "http/form.hpp"
#include "letters/default_template.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/letter_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/letters/case_letter.hpp"
#include "web/letters/letter_template_check.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr const char* kLangCodes[] = {"nl", "en"};

// A template as typed, with its problems, to show again instead of the stored one.
struct TemplateEdit {
  std::string lang;
  letters::LetterTemplate text;
  std::vector<TemplateFieldProblem> problems;
};

// A letterhead as typed, with the reasons it was refused (nullptr: that field is fine).
struct LetterheadEdit {
  std::string typed;
  std::string phone;
  std::string email;
  const char* address_msgid = nullptr;
  const char* phone_msgid = nullptr;
  const char* email_msgid = nullptr;
};

const char* FieldLabel(const std::string& field) {
  if (field == "subject") return N_("Subject");
  if (field == "body") return N_("Text of the letter");
  return N_("Closing");
}

http::Response TemplatesPage(const AppContext& app, const http::Request& request,
                             const StaffSession& staff, long long bureau_id, int status,
                             const std::optional<TemplateEdit>& edit = std::nullopt,
                             const std::optional<LetterheadEdit>& head = std::nullopt) {
  Lang lang = LangOf(request);
  auto tr = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  kainjow::mustache::list languages;
  for (const char* code : kLangCodes) {
    TemplateData item;
    item.set("code", code);
    item.set("heading", tr(std::string_view(code) == "nl" ? N_("The letter in Dutch")
                                                          : N_("The letter in English")));
    auto stored = app.letters.GetLetterTemplate(bureau_id, code);
    item.set("custom", Bool(stored.has_value()));
    if (stored) {
      item.set("updated_at", FormatDutchDateTime(stored->updated_at));
      item.set("updated_by", stored->updated_by_email);
    }
    letters::LetterTemplate shown =
        stored ? letters::LetterTemplate{stored->subject, stored->body, stored->closing}
               : letters::DefaultLetterTemplate(LetterLang(code));
    bool editing = edit && edit->lang == code;
    if (editing) shown = edit->text;
    item.set("subject", shown.subject);
    item.set("body", shown.body);
    item.set("closing", shown.closing);
    kainjow::mustache::list summary;
    std::map<std::string, kainjow::mustache::list> per_field;
    if (editing) {
      for (const auto& problem : edit->problems) {
        std::string message = TemplateProblemText(app, lang, problem);
        TemplateData entry;
        entry.set("field_id", std::string(code) + "-" + problem.field);
        entry.set("field_label", tr(FieldLabel(problem.field)));
        entry.set("message", message);
        summary.push_back(entry);
        TemplateData inline_entry;
        inline_entry.set("message", message);
        per_field[problem.field].push_back(inline_entry);
      }
    }
    item.set("has_errors", Bool(!summary.empty()));
    item.set("errors", summary);
    for (const char* field : {"subject", "body", "closing"}) {
      item.set(std::string(field) + "_errors", per_field[field]);
      item.set(std::string(field) + "_invalid", Bool(!per_field[field].empty()));
    }
    languages.push_back(item);
  }
  kainjow::mustache::list placeholders;
  for (std::string_view name : letters::kLetterPlaceholders) {
    TemplateData row;
    row.set("name", "{{" + std::string(name) + "}}");
    row.set("meaning", tr(PlaceholderMeaning(name)));
    placeholders.push_back(row);
  }
  TemplateData data;
  data.set("languages", languages);
  data.set("placeholders", placeholders);
  if (head) {
    data.set("address", head->typed);
    data.set("phone", head->phone);
    data.set("email", head->email);
    if (head->address_msgid) data.set("address_error", tr(head->address_msgid));
    if (head->phone_msgid) data.set("phone_error", tr(head->phone_msgid));
    if (head->email_msgid) data.set("email_error", tr(head->email_msgid));
  } else {
    Letterhead stored = app.letters.GetLetterhead(bureau_id);
    data.set("address", JoinLines(stored.address_lines));
    data.set("phone", stored.phone);
    data.set("email", stored.email);
  }
  data.set("max_phone", std::to_string(kMaxLetterheadPhone));
  data.set("max_email", std::to_string(kMaxLetterheadEmail));
  data.set("saved", Bool(request.QueryParam("opgeslagen") == "1"));
  data.set("reset", Bool(request.QueryParam("standaard") == "1"));
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    if (bureau.id == bureau_id) data.set("bureau_name", bureau.name);
  }
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_letter_templates",
                        N_("Letter templates"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

// Templates belong to a bureau; an account without one has nothing to edit here.
http::Response LetterTemplatesPage(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  return TemplatesPage(app, req.http, req.staff, *req.bureau(), 200);
}

http::Response SaveLetterTemplate(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau()) return ErrorPage(app, 403, &request);
  const long long bureau_id = *req.bureau();
  const http::FormFields& form = req.form.fields;
  std::string lang = form.Get("lang");
  if (lang != "nl" && lang != "en") return ErrorPage(app, 400, &request);
  std::string subject = "bureau " + std::to_string(bureau_id) + " " + lang;
  if (form.Get("action") == "reset") {
    app.letters.DeleteLetterTemplate(bureau_id, lang);
    app.audit.Audit(req.staff.user_id, "letter_template.update", subject + " reset", app.now());
    return http::Response::SeeOther(std::string(kLetterTemplatesPath) + "?standaard=1");
  }
  TemplateEdit edit{lang, {form.Get("subject"), form.Get("body"), form.Get("closing")}, {}};
  edit.problems = CheckBureauTemplate(edit.text);
  if (!edit.problems.empty()) return TemplatesPage(app, request, req.staff, bureau_id, 422, edit);
  app.letters.SaveLetterTemplate(bureau_id, lang,
                                 {edit.text.subject, edit.text.body, edit.text.closing, 0, {}},
                                 req.staff.user_id, app.now());
  app.audit.Audit(req.staff.user_id, "letter_template.update", subject, app.now());
  return http::Response::SeeOther(std::string(kLetterTemplatesPath) + "?opgeslagen=1");
}

http::Response SaveLetterhead(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau()) return ErrorPage(app, 403, &request);
  const long long bureau_id = *req.bureau();
  const http::FormFields& form = req.form.fields;
  LetterheadEdit edit{form.Get("address"), Trim(form.Get("phone")), Trim(form.Get("email"))};
  LetterheadCheck check = CheckLetterhead(edit.typed);
  edit.address_msgid = check.msgid;
  edit.phone_msgid = CheckLetterheadPhone(edit.phone);
  edit.email_msgid = CheckLetterheadEmail(edit.email);
  if (edit.address_msgid || edit.phone_msgid || edit.email_msgid)
    return TemplatesPage(app, request, req.staff, bureau_id, 422, std::nullopt, edit);
  app.letters.SaveLetterhead(bureau_id, {check.lines, edit.phone, edit.email}, req.staff.user_id,
                             app.now());
  app.audit.Audit(req.staff.user_id, "letter_template.update",
                  "bureau " + std::to_string(bureau_id) + " letterhead", app.now());
  return http::Response::SeeOther(std::string(kLetterTemplatesPath) + "?opgeslagen=1");
}

}  // namespace meldpunt::web
