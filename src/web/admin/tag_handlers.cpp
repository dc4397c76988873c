#include "web/admin/tag_handlers.hpp"

#include <array>
#include <optional>

#include "base/text.hpp"
#include "domain/cases/case_tag.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/tag_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/paths.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 4> kDone = {{
    {"toegevoegd", N_("The tag has been added.")},
    {"hernoemd", N_("The tag has been renamed.")},
    {"ingetrokken", N_("The tag has been retired. It stays on the cases that have it.")},
    {"hersteld", N_("The tag can be used again.")},
}};

// A form that came back: which one ("add" or the tag's id), why, and what was typed.
struct TagEdit {
  std::string form;
  std::string problem;  // a msgid
  std::string typed;
};

http::Response Render(const AppContext& app, const StaffRequest& req, long long bureau_id,
                      int status, const std::optional<TagEdit>& edit = std::nullopt) {
  const http::Request& request = req.http;
  Lang lang = LangOf(request);
  auto tr = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  auto tags = app.tags.ListTags(bureau_id, true);
  kainjow::mustache::list rows;
  for (const auto& tag : tags) {
    std::string id = std::to_string(tag.id);
    bool editing = edit && edit->form == id;
    TemplateData row;
    row.set("id", id);
    row.set("name", tag.name);
    row.set("typed", editing ? edit->typed : tag.name);
    row.set("active", Bool(!tag.retired_at));
    row.set("open_cases", std::to_string(tag.open_cases));
    row.set("all_cases", std::to_string(tag.all_cases));
    row.set("list_url", std::string(kReportsPath) + "?label=" + id);
    if (editing) row.set("error", tr(edit->problem.c_str()));
    rows.push_back(row);
  }
  TemplateData data;
  data.set("tags", rows);
  data.set("has_tags", Bool(!tags.empty()));
  data.set("max_name", std::to_string(kMaxTagNameChars));
  data.set("max_tags", std::to_string(kMaxTagsPerBureau));
  data.set("tag_count", std::to_string(tags.size()));
  if (edit) {
    data.set("has_error", Bool(true));
    data.set("error_message", tr(edit->problem.c_str()));
    data.set("error_field", edit->form == "add" ? "tag-name" : "tag-name-" + edit->form);
    if (edit->form == "add") {
      data.set("add_error", tr(edit->problem.c_str()));
      data.set("name", edit->typed);
    }
  }
  for (const auto& [code, message] : kDone) {
    if (request.QueryParam("gedaan") == code) data.set("done_message", tr(message));
  }
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, req.staff, "staff_tags", N_("Tags"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

std::optional<std::string> ProblemOf(TagWrite write) {
  switch (write) {
    case TagWrite::kDone:
      return std::nullopt;
    case TagWrite::kDuplicate:
      return "duplicate";
    case TagWrite::kTooMany:
      return "too_many";
    case TagWrite::kNotFound:
      return "not_found";
  }
  return "not_found";
}

}  // namespace

const char* TagProblemText(std::string_view problem) {
  if (problem == "empty") return N_("Give the tag a name.");
  if (problem == "too_long") return N_("A tag's name has at most 40 characters.");
  if (problem == "not_text") return N_("A tag's name is one line of text.");
  if (problem == "duplicate") return N_("The bureau has a tag with this name already.");
  if (problem == "too_many")
    return N_("The bureau has 200 tags, the most it can have. Rename one you no longer use.");
  return N_("This tag does not exist (any more).");
}

// Tags belong to a bureau; an account without one has none to manage.
http::Response StaffTagsPage(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  return Render(app, req, *req.bureau(), 200);
}

http::Response StaffTagsAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau()) return ErrorPage(app, 403, &request);
  const long long bureau_id = *req.bureau();
  const http::FormFields& form = req.form.fields;
  const std::string action = form.Get("action");
  const std::string name = Trim(form.Get("name"));
  auto audit = [&](const char* what, long long tag_id) {
    app.audit.Audit(
        AuditEntry::ForBureau(req.staff.user_id, what, bureau_id, "tag " + std::to_string(tag_id)),
        app.now());
  };
  auto done = [&](const char* code) {
    return http::Response::SeeOther(std::string(kTagsPath) + "?gedaan=" + code);
  };
  if (action == "add") {
    if (auto problem = CheckTagName(name)) {
      return Render(app, req, bureau_id, 422,
                    TagEdit{"add", TagProblemText(*problem), form.Get("name")});
    }
    long long id = 0;
    if (auto problem = ProblemOf(app.tags.AddTag(bureau_id, name, app.now(), &id))) {
      return Render(app, req, bureau_id, 422, TagEdit{"add", TagProblemText(*problem), name});
    }
    audit("tag.add", id);
    return done("toegevoegd");
  }
  auto tag_id = ParseId(form.Get("tag"));
  auto tag = tag_id ? app.tags.GetTag(bureau_id, *tag_id) : std::nullopt;
  // Another bureau's tag is not found here, like one that never existed.
  if (!tag) return ErrorPage(app, 404, &request);
  const std::string id = std::to_string(tag->id);
  if (action == "rename") {
    if (auto problem = CheckTagName(name)) {
      return Render(app, req, bureau_id, 422,
                    TagEdit{id, TagProblemText(*problem), form.Get("name")});
    }
    if (auto problem = ProblemOf(app.tags.RenameTag(bureau_id, tag->id, name))) {
      return Render(app, req, bureau_id, 422, TagEdit{id, TagProblemText(*problem), name});
    }
    audit("tag.rename", tag->id);
    return done("hernoemd");
  }
  if (action == "retire" || action == "restore") {
    bool retire = action == "retire";
    app.tags.SetTagRetired(bureau_id, tag->id, retire, app.now());
    audit(retire ? "tag.retire" : "tag.restore", tag->id);
    return done(retire ? "ingetrokken" : "hersteld");
  }
  return ErrorPage(app, 400, &request);
}

}  // namespace meldpunt::web
