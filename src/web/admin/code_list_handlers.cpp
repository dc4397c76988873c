#include "web/admin/code_list_handlers.hpp"

#include "base/text.hpp"
#include "domain/date.hpp"
#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/code_list_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/code_list_labels.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

const char* ListTitle(CodeListKind kind) {
  switch (kind) {
    case CodeListKind::kGrounds:
      return N_("Grounds");
    case CodeListKind::kDomains:
      return N_("Social domains");
    case CodeListKind::kNatures:
      return N_("Nature");
    case CodeListKind::kHandlings:
      return N_("Handling");
  }
  return "";
}

const char* ProblemText(NewCodeProblem problem) {
  switch (problem) {
    case NewCodeProblem::kBadCode:
      return N_(
          "A code has at most 40 lower-case letters, digits and underscores; a sub-ground "
          "is written as ground.name, such as origin.anti_asian.");
    case NewCodeProblem::kExists:
      return N_("This list has this code already.");
    case NewCodeProblem::kLabelMissing:
      return N_("Give the label in Dutch and in English.");
    case NewCodeProblem::kLabelTooLong:
      return N_("A label has at most 120 characters.");
    case NewCodeProblem::kUnknownParent:
      return N_("A sub-ground needs a ground that is on the list.");
    case NewCodeProblem::kFull:
      return N_("The lists hold as many added codes as they can.");
  }
  return "";
}

struct Typed {
  std::string list, code, label_nl, label_en;
};

http::Response Render(const AppContext& app, const http::Request& request,
                      const StaffSession& staff, int status, const std::string& problem = "",
                      const Typed& typed = {}) {
  Lang lang = LangOf(request);
  CodeLists lists = app.code_lists.LoadCodeLists();
  kainjow::mustache::list tables;
  kainjow::mustache::list list_options;
  for (CodeListKind kind : kAllCodeListKinds) {
    kainjow::mustache::list rows;
    for (std::string_view code : BuiltInCodes(kind)) {
      TemplateData row;
      row.set("code", std::string(code));
      row.set("label_nl", CodeListLabel(app, Lang::kNl, lists, kind, code));
      row.set("label_en", CodeListLabel(app, Lang::kEn, lists, kind, code));
      row.set("built_in", Bool(true));
      rows.push_back(row);
    }
    for (const auto& added : lists.added()) {
      if (added.list != kind) continue;
      TemplateData row;
      row.set("code", added.code);
      row.set("label_nl", added.label_nl);
      row.set("label_en", added.label_en);
      row.set("added_in", added.added_in);
      row.set("retired_in", added.retired_in);
      row.set("active", Bool(added.retired_in.empty()));
      row.set("list", std::string(CodeListCode(kind)));
      rows.push_back(row);
    }
    TemplateData table;
    table.set("list", std::string(CodeListCode(kind)));
    table.set("title", app.translator.Get(lang, ListTitle(kind)));
    table.set("rows", rows);
    tables.push_back(table);
    TemplateData option;
    option.set("value", std::string(CodeListCode(kind)));
    option.set("label", app.translator.Get(lang, ListTitle(kind)));
    option.set("selected", Bool(typed.list == CodeListCode(kind)));
    list_options.push_back(option);
  }
  TemplateData data;
  data.set("version", lists.version());
  data.set("lists", tables);
  data.set("list_options", list_options);
  SetIfNotEmpty(data, "problem", problem);
  data.set("code", typed.code);
  data.set("label_nl", typed.label_nl);
  data.set("label_en", typed.label_en);
  data.set("saved", request.QueryParam("versie"));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_code_lists", N_("Code lists"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

http::Response StaffCodeListsPage(const AppContext& app, const StaffRequest& req) {
  return Render(app, req.http, req.staff, 200);
}

http::Response StaffCodeListsAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  Typed typed{form.Get("list"), Trim(form.Get("code")), Trim(form.Get("label_nl")),
              Trim(form.Get("label_en"))};
  auto list = ParseCodeList(typed.list);
  if (!list) return ErrorPage(app, 400, &request);
  CodeListEdit edit{CodeListEdit::Kind::kAdd,
                    AddedCode{*list, typed.code, typed.label_nl, typed.label_en, "", ""}};
  bool retire = request.path == kRetireCodePath;
  if (retire) {
    edit.kind = CodeListEdit::Kind::kRetire;
  } else if (auto problem = CheckNewCode(app.code_lists.LoadCodeLists(), edit.code)) {
    return Render(app, request, staff, 422, app.translator.Get(lang, ProblemText(*problem)), typed);
  }
  int year = static_cast<int>(DateOfUnixSeconds(app.now()).year());
  auto version = app.code_lists.ChangeCodeLists(edit, staff.user_id, app.now(), year);
  if (!version) {
    // A colleague added the same code, or retired it, in the meantime.
    return Render(app, request, staff, 409,
                  app.translator.Get(lang, retire ? N_("This code is not in use (any more).")
                                                  : ProblemText(NewCodeProblem::kExists)),
                  typed);
  }
  app.audit.Audit(staff.user_id, retire ? "code_list.retire" : "code_list.add",
                  typed.list + " " + typed.code + " in " + *version, app.now());
  return http::Response::SeeOther(std::string(kCodeListsPath) + "?versie=" + *version);
}

}  // namespace meldpunt::web
