#include <gtest/gtest.h>

#include "web/common/html.hpp"
#include "web/common/i18n.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {
namespace {

TEST(Html, EscapesEverythingThatCouldOpenMarkup) {
  EXPECT_EQ(EscapeHtml("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
}

TEST(Templates, TranslateMarkersNormalisesWhitespaceAndEscapes) {
  std::set<std::string> ids;
  std::string out = TranslateMarkers(
      "<p>{{#t}}Hello\n   world{{/t}}</p>{{name}}",
      [](const std::string& id) { return "[" + id + " & co]"; }, &ids);
  EXPECT_EQ(out, "<p>[Hello world &amp; co]</p>{{name}}");
  EXPECT_EQ(ids, (std::set<std::string>{"Hello world"}));
}

TEST(Templates, ValuesAreEscapedUnlessTripleBraced) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  Templates templates(std::string(MELDPUNT_SOURCE_DIR) + "/templates", translator);
  TemplateData data;
  data.set("status", "<b>");
  data.set("heading", "<script>x</script>");
  data.set("explanation", "a & b");
  std::string html = templates.Render("error", Lang::kEn, data);
  EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>x"), std::string::npos);
}

// Every fixed text of every template must have a Dutch translation: Dutch is the default language,
// and an untranslated sentence would show up in English on the Dutch site.
TEST(Catalogs, EveryTemplateTextIsTranslatedIntoDutch) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  Templates templates(std::string(MELDPUNT_SOURCE_DIR) + "/templates", translator);
  ASSERT_FALSE(templates.MessageIds().empty());
  for (const auto& id : templates.MessageIds()) {
    EXPECT_TRUE(translator.Has(Lang::kNl, id)) << "no Dutch translation for: " << id;
  }
  EXPECT_EQ(translator.Get(Lang::kNl, "Report discrimination"), "Discriminatie melden");
  EXPECT_EQ(translator.Get(Lang::kEn, "Report discrimination"), "Report discrimination");
}

TEST(Lang, QueryWinsOverCookieAndDutchIsDefault) {
  http::Request request;
  EXPECT_EQ(LangOf(request), Lang::kNl);
  request.headers = {{"cookie", "mp_lang=en"}};
  EXPECT_EQ(LangOf(request), Lang::kEn);
  request.query = "lang=nl";
  EXPECT_EQ(LangOf(request), Lang::kNl);
  request.query = "lang=xx";
  EXPECT_EQ(LangOf(request), Lang::kEn);
}

}  // namespace
}  // namespace meldpunt::web
