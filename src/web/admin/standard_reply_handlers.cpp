#include "web/admin/standard_reply_handlers.hpp"

#include <array>
#include <optional>
#include <vector>

#include "base/text.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/standard_reply_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 4> kDone = {{
    {"toegevoegd", N_("The standard reply has been added.")},
    {"gewijzigd", N_("The standard reply has been changed.")},
    {"ingetrokken", N_("The standard reply has been retired. It is no longer offered.")},
    {"hersteld", N_("The standard reply is offered again.")},
}};

// The form as typed, with its problems; `id` is the text being edited (0: a new one).
struct ReplyForm {
  long long id = 0;
  StandardReplyInput typed;
  std::vector<StandardReplyProblem> problems;
};

std::string UseLabel(const AppContext& app, Lang lang, ReplyUse use) {
  switch (use) {
    case ReplyUse::kMessage:
      return app.translator.Get(lang, N_("Message to the reporter"));
    case ReplyUse::kLetter:
      return app.translator.Get(lang, N_("Letter"));
    case ReplyUse::kBoth:
      break;
  }
  return app.translator.Get(lang, N_("Message and letter"));
}

std::string LangLabel(const AppContext& app, Lang lang, std::string_view code) {
  const char* name = code == "en" ? N_("English") : N_("Dutch");
  return app.translator.Get(lang, name);
}

http::Response Render(const AppContext& app, const StaffRequest& req, long long bureau_id,
                      int status, const ReplyForm& form) {
  const http::Request& request = req.http;
  Lang lang = LangOf(request);
  auto tr = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  auto replies = app.standard_replies.ListStandardReplies(bureau_id);
  kainjow::mustache::list rows;
  for (const auto& reply : replies) {
    TemplateData row;
    std::string id = std::to_string(reply.id);
    row.set("id", id);
    row.set("title", reply.title);
    row.set("lang", LangLabel(app, lang, reply.lang));
    row.set("use", UseLabel(app, lang, reply.use));
    row.set("active", Bool(!reply.retired_at));
    row.set("edit_url", std::string(kStandardRepliesPath) + "?bewerk=" + id + "#form-reply");
    rows.push_back(row);
  }
  TemplateData data;
  data.set("replies", rows);
  data.set("has_replies", Bool(!replies.empty()));
  data.set("max_title", std::to_string(kMaxStandardReplyTitleChars));
  data.set("max_body", std::to_string(kMaxStandardReplyBodyChars));
  data.set("max_replies", std::to_string(kMaxStandardRepliesPerBureau));
  std::string placeholders;
  for (auto name : kReplyPlaceholders) {
    placeholders += (placeholders.empty() ? "{" : ", {") + std::string(name) + "}";
  }
  data.set("placeholders", placeholders);

  data.set("editing", Bool(form.id != 0));
  data.set("reply_id", std::to_string(form.id));
  data.set("title", form.typed.title);
  data.set("body", form.typed.body);
  kainjow::mustache::list langs;
  langs.push_back(SelectOption("nl", tr(N_("Dutch")), form.typed.lang != "en"));
  langs.push_back(SelectOption("en", tr(N_("English")), form.typed.lang == "en"));
  data.set("langs", langs);
  kainjow::mustache::list uses;
  for (ReplyUse use : {ReplyUse::kBoth, ReplyUse::kMessage, ReplyUse::kLetter}) {
    std::string code(ReplyUseCode(use));
    bool selected = form.typed.use == code || (form.typed.use.empty() && use == ReplyUse::kBoth);
    uses.push_back(SelectOption(code, UseLabel(app, lang, use), selected));
  }
  data.set("uses", uses);

  kainjow::mustache::list summary;
  std::map<std::string, std::string> at_field;
  for (const auto& problem : form.problems) {
    std::string text = StandardReplyProblemText(app.translator, lang, problem);
    TemplateData item;
    std::string field = problem.field == "general" ? "reply-title" : "reply-" + problem.field;
    item.set("field", field);
    item.set("message", text);
    summary.push_back(item);
    std::string& message = at_field[problem.field == "general" ? "title" : problem.field];
    message += (message.empty() ? "" : " ") + text;
  }
  for (const auto& [field, message] : at_field) data.set(field + "_error", message);
  data.set("errors", summary);
  data.set("has_errors", Bool(!summary.empty()));
  for (const auto& [code, message] : kDone) {
    if (request.QueryParam("gedaan") == code) data.set("done_message", tr(message));
  }
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, req.staff, "staff_standard_replies",
                        N_("Standard replies"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

std::optional<std::string> ProblemOf(ReplyWrite write) {
  switch (write) {
    case ReplyWrite::kDone:
      return std::nullopt;
    case ReplyWrite::kDuplicate:
      return "duplicate";
    case ReplyWrite::kTooMany:
      return "too_many";
    case ReplyWrite::kNotFound:
      return "not_found";
  }
  return "not_found";
}

}  // namespace

std::string StandardReplyProblemText(const Translator& translator, Lang lang,
                                     const StandardReplyProblem& problem) {
  auto tr = [&](const char* msgid) { return translator.Get(lang, msgid); };
  const std::string& code = problem.code;
  if (code == "unknown_placeholder") {
    std::string text = tr(
        N_("Line {line}: {placeholder} is not a placeholder. Use only the placeholders listed."));
    return FillIn(FillIn(std::move(text), "{line}", std::to_string(problem.line)), "{placeholder}",
                  "{" + problem.name + "}");
  }
  if (code == "stray_brace") {
    std::string text =
        tr(N_("Line {line}: a brace that is not part of a placeholder. Braces are only for "
              "placeholders such as {referentie}."));
    return FillIn(std::move(text), "{line}", std::to_string(problem.line));
  }
  if (code == "duplicate")
    return tr(N_("The bureau has a standard reply with this title in this language already."));
  if (code == "too_many")
    return tr(
        N_("The bureau has 100 standard replies, the most it can have. Change or retire "
           "one you no longer use."));
  if (code == "not_found") return tr(N_("This standard reply does not exist (any more)."));
  if (problem.field == "title") {
    if (code == "empty") return tr(N_("Give the standard reply a title."));
    if (code == "too_long") return tr(N_("A title has at most 80 characters."));
    return tr(N_("A title is one line of text."));
  }
  if (problem.field == "body") {
    if (code == "empty") return tr(N_("Write the text."));
    if (code == "too_long") return tr(N_("A standard reply has at most 3,000 characters."));
    return tr(N_("This text holds characters that cannot be used."));
  }
  if (problem.field == "lang") return tr(N_("Choose Dutch or English."));
  return tr(N_("Choose one of the options in the list."));
}

// Standard replies belong to a bureau; an account without one has none to manage.
http::Response StaffStandardRepliesPage(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  ReplyForm form;
  if (std::string edit = req.http.QueryParam("bewerk"); !edit.empty()) {
    auto id = ParseId(edit);
    auto reply = id ? app.standard_replies.GetStandardReply(*req.bureau(), *id) : std::nullopt;
    // Another bureau's text is not found here, like one that never existed.
    if (!reply) return ErrorPage(app, 404, &req.http);
    form.id = reply->id;
    form.typed = {reply->title, reply->lang, std::string(ReplyUseCode(reply->use)), reply->body};
  }
  return Render(app, req, *req.bureau(), 200, form);
}

http::Response StaffStandardRepliesAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau()) return ErrorPage(app, 403, &request);
  const long long bureau_id = *req.bureau();
  const http::FormFields& fields = req.form.fields;
  const std::string action = fields.Get("action");
  auto audit = [&](const char* what, long long id) {
    app.audit.Audit(AuditEntry::ForBureau(req.staff.user_id, what, bureau_id,
                                          "standard reply " + std::to_string(id)),
                    app.now());
  };
  auto done = [&](const char* code) {
    return http::Response::SeeOther(std::string(kStandardRepliesPath) + "?gedaan=" + code);
  };
  std::optional<StandardReply> existing;
  if (std::string id_text = fields.Get("reply"); !id_text.empty() && id_text != "0") {
    auto id = ParseId(id_text);
    existing = id ? app.standard_replies.GetStandardReply(bureau_id, *id) : std::nullopt;
    if (!existing) return ErrorPage(app, 404, &request);
  }
  if (action == "retire" || action == "restore") {
    if (!existing) return ErrorPage(app, 404, &request);
    bool retire = action == "retire";
    app.standard_replies.SetStandardReplyRetired(bureau_id, existing->id, retire, app.now());
    audit(retire ? "standard_reply.retire" : "standard_reply.restore", existing->id);
    return done(retire ? "ingetrokken" : "hersteld");
  }
  if (action != "save") return ErrorPage(app, 400, &request);

  ReplyForm form;
  form.id = existing ? existing->id : 0;
  form.typed = {fields.Get("title"), fields.Get("lang"), fields.Get("use"), fields.Get("body")};
  form.problems = CheckStandardReply(form.typed);
  if (!form.problems.empty()) return Render(app, req, bureau_id, 422, form);
  StandardReply reply;
  reply.id = form.id;
  reply.bureau_id = bureau_id;
  reply.title = Trim(form.typed.title);
  reply.lang = form.typed.lang;
  reply.use = *ParseReplyUse(form.typed.use);
  reply.body = Trim(form.typed.body);
  long long id = reply.id;
  ReplyWrite write = existing ? app.standard_replies.UpdateStandardReply(reply, app.now())
                              : app.standard_replies.AddStandardReply(reply, app.now(), &id);
  if (auto problem = ProblemOf(write)) {
    form.problems.push_back({*problem == "duplicate" ? "title" : "general", *problem});
    return Render(app, req, bureau_id, 422, form);
  }
  audit(existing ? "standard_reply.update" : "standard_reply.add", id);
  return done(existing ? "gewijzigd" : "toegevoegd");
}

}  // namespace meldpunt::web
