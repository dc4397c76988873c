// The languages come from the catalogs (issue 15): the registry built from the compiled
// catalogs of the build, header metadata, the choice of language per request, and the fallback
// of staff-only output.
#include "web/common/language_registry.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

TEST(LanguageRegistry, ComesFromTheCatalogsWithDutchFirstAndEnglishSecond) {
  LanguageRegistry registry = LanguageRegistry::FromCatalogs(MELDPUNT_LOCALE_DIR);
  ASSERT_GE(registry.size(), 6u);
  EXPECT_EQ(registry.Info(Lang::kNl).code, "nl");
  EXPECT_EQ(registry.Info(Lang::kEn).code, "en");
  for (const char* code : {"tr", "ar", "pl", "uk"}) {
    EXPECT_TRUE(registry.Find(code).has_value()) << code;
  }
  const LanguageInfo& arabic = registry.Info(*registry.Find("ar"));
  EXPECT_EQ(arabic.native_name, "العربية");
  EXPECT_TRUE(arabic.right_to_left);
  EXPECT_FALSE(arabic.staff);
  EXPECT_EQ(registry.Info(*registry.Find("tr")).native_name, "Türkçe");
  EXPECT_EQ(registry.Info(*registry.Find("pl")).native_name, "Polski");
  EXPECT_EQ(registry.Info(*registry.Find("uk")).native_name, "Українська");
  EXPECT_FALSE(registry.Info(*registry.Find("tr")).right_to_left);
  // Only Dutch and English are staff languages.
  std::vector<Lang> staff = registry.Staff();
  ASSERT_EQ(staff.size(), 2u);
  EXPECT_EQ(staff[0], Lang::kNl);
  EXPECT_EQ(staff[1], Lang::kEn);
  EXPECT_GT(registry.Info(Lang::kNl).translated, 1000u);
}

TEST(LanguageRegistry, ReadsEveryHeaderField) {
  LanguageInfo info = ParseCatalogHeader(
      "Project-Id-Version: meldpunt\nLanguage: fa\nX-Native-Name: فارسی\nX-Direction: rtl\n"
      "X-Staff-Language: no\nX-Reviewed-By: A. Reviewer\nX-Reviewed-On: 2026-12-01\n");
  EXPECT_EQ(info.code, "fa");
  EXPECT_EQ(info.native_name, "فارسی");
  EXPECT_TRUE(info.right_to_left);
  EXPECT_FALSE(info.staff);
  EXPECT_EQ(info.reviewed_by, "A. Reviewer");
  EXPECT_EQ(info.reviewed_on, "2026-12-01");
  // Absent: left to right, not a staff language, not reviewed.
  LanguageInfo bare = ParseCatalogHeader("Language: so\n");
  EXPECT_FALSE(bare.right_to_left);
  EXPECT_FALSE(bare.staff);
  EXPECT_TRUE(bare.reviewed_by.empty());
}

// A bureau adds a language by adding a catalog: a new folder with a compiled catalog becomes a
// language, after Dutch and English, with nothing else changed.
TEST(LanguageRegistry, ANewCatalogFolderIsANewLanguage) {
  auto dir = std::filesystem::temp_directory_path() / "meldpunt-registry-test";
  std::filesystem::remove_all(dir);
  for (const char* code : {"nl", "en", "so"}) {
    std::filesystem::create_directories(dir / code / "LC_MESSAGES");
    std::filesystem::copy_file(
        std::filesystem::path(MELDPUNT_LOCALE_DIR) / "nl" / "LC_MESSAGES" / "meldpunt.mo",
        dir / code / "LC_MESSAGES" / "meldpunt.mo");
  }
  // The copied catalogs say Language: nl; a folder must match its header.
  EXPECT_THROW(LanguageRegistry::FromCatalogs(dir.string()), std::runtime_error);
  auto po = dir / "so.po";
  std::ofstream(po) << "msgid \"\"\nmsgstr \"\"\n\"Language: so\\n\"\n\"X-Native-Name: "
                       "Soomaali\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                       "msgid \"Language\"\nmsgstr \"Luqadda\"\n";
  for (const char* code : {"en", "so"}) {
    std::string source = std::string(code) == "so"
                             ? po.string()
                             : std::string(MELDPUNT_SOURCE_DIR) + "/locale/en/meldpunt.po";
    std::string command =
        "msgfmt -o " + (dir / code / "LC_MESSAGES" / "meldpunt.mo").string() + " " + source;
    ASSERT_EQ(std::system(command.c_str()), 0);
  }
  LanguageRegistry registry = LanguageRegistry::FromCatalogs(dir.string());
  ASSERT_EQ(registry.size(), 3u);
  EXPECT_EQ(registry.Info(Lang(2)).code, "so");
  EXPECT_EQ(registry.Info(Lang(2)).native_name, "Soomaali");
  EXPECT_EQ(registry.Info(Lang(2)).translated, 1u);
  // Without Dutch there is no site.
  std::filesystem::remove_all(dir / "nl");
  EXPECT_THROW(LanguageRegistry::FromCatalogs(dir.string()), std::runtime_error);
  std::filesystem::remove_all(dir);
}

http::Request RequestFor(std::string path, std::string query, std::string cookie = "",
                         std::string accept = "") {
  http::Request request;
  request.path = std::move(path);
  request.query = std::move(query);
  if (!cookie.empty()) request.headers.emplace_back("cookie", "mp_lang=" + cookie);
  if (!accept.empty()) request.headers.emplace_back("accept-language", accept);
  return request;
}

TEST(LanguageRegistry, ARequestPicksQueryThenCookieThenAThirdBrowserLanguageThenDutch) {
  Translator translator(MELDPUNT_LOCALE_DIR);  // installs the catalogs' languages
  Lang turkish = *Languages().Find("tr");
  Lang arabic = *Languages().Find("ar");
  EXPECT_EQ(LangOf(RequestFor("/", "lang=tr")), turkish);
  EXPECT_EQ(LangOf(RequestFor("/", "lang=tr", "ar")), turkish);
  EXPECT_EQ(LangOf(RequestFor("/", "", "ar")), arabic);
  EXPECT_EQ(LangOf(RequestFor("/", "lang=xx", "ar")), arabic);
  EXPECT_EQ(LangOf(RequestFor("/", "", "", "tr-TR,tr;q=0.9,en;q=0.5")), turkish);
  EXPECT_EQ(LangOf(RequestFor("/", "", "", "de-DE,ar;q=0.4")), arabic);
  // An English browser keeps the Dutch site: many Dutch readers have one.
  EXPECT_EQ(LangOf(RequestFor("/", "", "", "en-US,en;q=0.9,tr;q=0.1")), Lang::kNl);
  EXPECT_EQ(LangOf(RequestFor("/", "", "", "*")), Lang::kNl);
  EXPECT_EQ(LangOf(RequestFor("/", "")), Lang::kNl);
  // Staff pages are Dutch and English only: a public language becomes English.
  EXPECT_EQ(LangOf(RequestFor("/medewerkers/login", "lang=tr")), Lang::kEn);
  EXPECT_EQ(LangOf(RequestFor("/medewerkers", "", "ar")), Lang::kEn);
  EXPECT_EQ(LangOf(RequestFor("/medewerkers/login", "lang=nl", "ar")), Lang::kNl);
  EXPECT_EQ(LangOf(RequestFor("/medewerkersfoo", "lang=tr")), turkish);
  EXPECT_EQ(StaffLang(turkish), Lang::kEn);
  EXPECT_EQ(StaffLang(Lang::kNl), Lang::kNl);
}

TEST(LanguageRegistry, TranslatorReadsEachCatalog) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  EXPECT_EQ(translator.Get(Lang::kNl, "Language"), "Taal");
  Lang turkish = *Languages().Find("tr");
  EXPECT_TRUE(translator.Has(turkish, "Discrimination reporting point"));
  EXPECT_NE(translator.Get(turkish, "Discrimination reporting point"),
            "Discrimination reporting point");
}

}  // namespace
}  // namespace meldpunt::web
