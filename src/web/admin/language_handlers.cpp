#include "web/admin/language_handlers.hpp"

#include "web/common/locale_format.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"

namespace meldpunt::web {

http::Response StaffLanguagesPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  Lang lang = LangOf(request);
  auto tr = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  const LanguageRegistry& languages = Languages();
  kainjow::mustache::list rows;
  for (const LanguageInfo& info : languages.infos()) {
    TemplateData row;
    row.set("code", info.code);
    row.set("name", info.native_name);
    row.set("dir", info.right_to_left ? "rtl" : "ltr");
    row.set("direction", tr(info.right_to_left ? N_("right to left") : N_("left to right")));
    row.set("staff", tr(info.staff ? N_("yes") : N_("no")));
    row.set("translated", FormatCount(lang, static_cast<long long>(info.public_translated)));
    row.set("complete", Bool(info.public_translated >= languages.public_messages()));
    row.set("reviewed", Bool(!info.reviewed_by.empty()));
    row.set("reviewed_by", info.reviewed_by);
    row.set("reviewed_on", info.reviewed_on);
    rows.push_back(row);
  }
  TemplateData data;
  data.set("languages", rows);
  data.set("public_messages",
           FormatCount(lang, static_cast<long long>(languages.public_messages())));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, req.staff, "staff_languages", N_("Languages"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

}  // namespace meldpunt::web
