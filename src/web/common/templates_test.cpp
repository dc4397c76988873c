// Templates compiled on first use (issue 16): a page is translated and parsed the first time it is
// rendered in a language, and renders exactly what the eager build (every page in every language
// at load) rendered; also when many threads render it for the first time at once.
#include "web/common/templates.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <barrier>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

const std::string kFolder = std::string(MELDPUNT_SOURCE_DIR) + "/templates";

const Translator& TestTranslator() {
  static const Translator translator(MELDPUNT_LOCALE_DIR);
  return translator;
}

std::string ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The build before issue 16, kept here as the reference: partials inserted, the page translated
// and parsed at once.
class EagerTemplates {
 public:
  EagerTemplates() {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kFolder)) {
      if (entry.path().extension() != ".mustache") continue;
      std::string name = entry.path().stem().string();
      std::string text = ReadWhole(entry.path());
      if (!name.starts_with("_")) {
        pages_.emplace(name, std::move(text));
        continue;
      }
      if (text.ends_with('\n')) text.pop_back();
      partials_.emplace(name, std::move(text));
    }
  }
  std::string Render(const std::string& name, Lang lang, const TemplateData& data) const {
    kainjow::mustache::mustache tmpl(TranslateMarkers(
        ExpandPartials(pages_.at(name), partials_),
        [&](const std::string& id) { return TestTranslator().Get(lang, id); }, nullptr));
    EXPECT_TRUE(tmpl.is_valid()) << name << ": " << tmpl.error_message();
    return tmpl.render(data);
  }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& [name, text] : pages_) names.push_back(name);
    return names;
  }

 private:
  std::map<std::string, std::string> pages_;
  std::map<std::string, std::string> partials_;
};

// A few values most pages show, so that sections open and not only the bare page is compared.
TemplateData SomeData() {
  TemplateData data;
  data.set("title", "Titel <met> tekens");
  data.set("content", "<p>inhoud</p>");
  data.set("csrf_token", "TOKEN");
  data.set("status", "404");
  data.set("heading", "Kop");
  data.set("explanation", "Uitleg");
  data.set("error", "Iets ging mis");
  return data;
}

Lang Turkish() { return *Languages().Find("tr"); }

TEST(Templates, APageIsNotCompiledBeforeItsFirstRenderInALanguage) {
  Templates templates(kFolder, TestTranslator());
  EagerTemplates eager;
  EXPECT_FALSE(templates.IsCompiled("privacy", Lang::kNl));
  EXPECT_FALSE(templates.IsCompiled("privacy", Lang::kEn));

  std::string dutch = templates.Render("privacy", Lang::kNl, SomeData());
  EXPECT_TRUE(templates.IsCompiled("privacy", Lang::kNl));
  EXPECT_FALSE(templates.IsCompiled("privacy", Lang::kEn)) << "only the language asked for";
  EXPECT_FALSE(templates.IsCompiled("privacy", Turkish()));
  EXPECT_FALSE(templates.IsCompiled("home", Lang::kNl)) << "only the page asked for";
  EXPECT_EQ(dutch, eager.Render("privacy", Lang::kNl, SomeData()));

  std::string english = templates.Render("privacy", Lang::kEn, SomeData());
  EXPECT_TRUE(templates.IsCompiled("privacy", Lang::kEn));
  EXPECT_EQ(english, eager.Render("privacy", Lang::kEn, SomeData()));
  EXPECT_NE(dutch, english);
  // A second render uses the compiled page and gives the same bytes.
  EXPECT_EQ(templates.Render("privacy", Lang::kNl, SomeData()), dutch);
}

TEST(Templates, EveryPageInEveryLanguageRendersAsTheEagerBuildDid) {
  Templates templates(kFolder, TestTranslator());
  EagerTemplates eager;
  for (const std::string& name : eager.Names()) {
    bool staff = name.starts_with("staff_");
    for (Lang lang : Languages().All()) {
      // A staff page has the staff languages only; in Turkish it is the English page.
      Lang built = staff && !Languages().Info(lang).staff ? StaffLang(lang) : lang;
      EXPECT_EQ(templates.Render(name, lang, SomeData()), eager.Render(name, built, SomeData()))
          << name << " in " << LangCode(lang);
    }
  }
}

TEST(Templates, ARenderOnceScopeRendersTheSameWithoutKeepingThePage) {
  Templates templates(kFolder, TestTranslator());
  EagerTemplates eager;
  {
    Templates::RenderOnceScope render_once;
    EXPECT_EQ(templates.Render("home", Turkish(), SomeData()),
              eager.Render("home", Turkish(), SomeData()));
    EXPECT_FALSE(templates.IsCompiled("home", Turkish()));
  }
  EXPECT_EQ(templates.Render("home", Turkish(), SomeData()),
            eager.Render("home", Turkish(), SomeData()));
  EXPECT_TRUE(templates.IsCompiled("home", Turkish())) << "kept once the scope is gone";
  {
    Templates::RenderOnceScope render_once;  // a page kept already is used as it is
    EXPECT_EQ(templates.Render("home", Turkish(), SomeData()),
              eager.Render("home", Turkish(), SomeData()));
    EXPECT_TRUE(templates.IsCompiled("home", Turkish()));
  }
  // The scope is per thread: another thread's render meanwhile keeps its page.
  Templates::RenderOnceScope render_once;
  std::thread([&] { templates.Render("privacy", Lang::kNl, SomeData()); }).join();
  EXPECT_TRUE(templates.IsCompiled("privacy", Lang::kNl));
}

TEST(Templates, AStaffPageInAPublicLanguageIsItsEnglishPage) {
  Templates templates(kFolder, TestTranslator());
  std::string turkish = templates.Render("staff_login", Turkish(), SomeData());
  EXPECT_TRUE(templates.IsCompiled("staff_login", Lang::kEn));
  EXPECT_FALSE(templates.IsCompiled("staff_login", Lang::kNl));
  EXPECT_EQ(turkish, templates.Render("staff_login", Lang::kEn, SomeData()));
}

TEST(Templates, ManyThreadsRenderingAPageForTheFirstTimeGetTheEagerResult) {
  EagerTemplates eager;
  const std::vector<std::pair<std::string, Lang>> pages = {
      {"report_form", Lang::kNl}, {"report_form", Lang::kEn}, {"layout", Lang::kNl},
      {"layout", Turkish()},      {"privacy", Lang::kEn},     {"staff_login", Lang::kNl}};
  std::vector<std::string> expected;
  for (const auto& [name, lang] : pages) expected.push_back(eager.Render(name, lang, SomeData()));

  for (int round = 0; round < 3; ++round) {
    Templates templates(kFolder, TestTranslator());  // nothing compiled yet
    constexpr int kThreads = 8;
    std::barrier start(kThreads);
    std::vector<std::vector<std::string>> results(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();  // all threads ask for the pages at once
        for (int repeat = 0; repeat < 4; ++repeat) {
          for (size_t i = 0; i < pages.size(); ++i) {
            // Each thread starts at another page, so first renders of different pages overlap.
            const auto& [name, lang] = pages[(i + t) % pages.size()];
            results[t].push_back(templates.Render(name, lang, SomeData()));
          }
        }
      });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
      ASSERT_EQ(results[t].size(), 4 * pages.size());
      for (size_t k = 0; k < results[t].size(); ++k) {
        EXPECT_EQ(results[t][k], expected[(k % pages.size() + t) % pages.size()])
            << "thread " << t << ", render " << k;
      }
    }
  }
}

class TemplateFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("meldpunt-templates-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_ / "feature");
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  void Write(const std::string& file, const std::string& text) {
    std::ofstream(folder_ / "feature" / file) << text;
  }
  // The message of the start-up failure, or "" when loading succeeded.
  std::string LoadError() {
    try {
      Templates templates(folder_.string(), TestTranslator());
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path folder_;
};

TEST_F(TemplateFolder, LoadingStillFailsWithTheFileNameOnABrokenPage) {
  Write("_part.mustache", "{{#t}}Back{{/t}}\n");
  Write("good.mustache", "<p>{{> _part}} {{#items}}{{name}}{{/items}}</p>\n");
  EXPECT_EQ(LoadError(), "");

  Write("broken.mustache", "<p>{{#items}}{{name}}</p>\n");
  std::string error = LoadError();
  EXPECT_NE(error.find("broken.mustache"), std::string::npos) << error;
  EXPECT_NE(error.find("items"), std::string::npos) << error;

  Write("broken.mustache", "<p>{{#t}}Back</p>\n");
  error = LoadError();
  EXPECT_NE(error.find("broken.mustache"), std::string::npos) << error;
  EXPECT_NE(error.find("{{#t}} without {{/t}}"), std::string::npos) << error;

  Write("broken.mustache", "<p>{{> _missing}}</p>\n");
  error = LoadError();
  EXPECT_NE(error.find("broken.mustache"), std::string::npos) << error;
  EXPECT_NE(error.find("no partial named _missing"), std::string::npos) << error;

  Write("broken.mustache", "<p>{{name</p>\n");
  error = LoadError();
  EXPECT_NE(error.find("broken.mustache"), std::string::npos) << error;
}

TEST_F(TemplateFolder, ATextInsideATagIsCheckedInEveryLanguage) {
  // Translated texts do not belong inside a tag; if one is, each language is parsed at load
  // (the skeleton check does not speak for it) and still renders as written.
  Write("odd.mustache", "<p>{{#t}}Back{{/t}} {{! a note: {{#t}}Back{{/t}} }}</p>\n");
  ASSERT_EQ(LoadError(), "");
  Templates templates(folder_.string(), TestTranslator());
  EXPECT_EQ(templates.Render("odd", Lang::kEn, TemplateData()), "<p>Back </p>\n");
}

}  // namespace
}  // namespace meldpunt::web
