// THE COMPLETENESS CHECK OF THE PUBLIC CATALOGS (issue 15): every message of the public side
// (locale/public-msgids.txt, written by scripts/update-messages from the public templates and
// sources) has a translation in every catalog of the site. It fails until each language is
// complete: the failure names the language and the first missing messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "web/common/i18n.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {
namespace {

// The file holds message ids with the catalog's C escapes (\n, \", \\), one a line.
std::string Unescape(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 == line.size()) {
      out += line[i];
      continue;
    }
    char next = line[++i];
    out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
  }
  return out;
}

std::vector<std::string> PublicMessageIds() {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/locale/public-msgids.txt");
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) ids.push_back(Unescape(line));
  }
  return ids;
}

TEST(PublicCatalogCompleteness, TheListOfPublicMessagesIsThere) {
  auto ids = PublicMessageIds();
  EXPECT_GT(ids.size(), 300u) << "run scripts/update-messages";
  // Texts of the layout and the follow-up page are public; a staff-only text is not.
  EXPECT_NE(std::find(ids.begin(), ids.end(), "Skip to main content"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "Reporter's language"), ids.end());
}

TEST(PublicCatalogCompleteness, EveryPublicMessageIsTranslatedInEveryLanguage) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  auto ids = PublicMessageIds();
  for (Lang lang : Languages().All()) {
    // English is the source: a message id is its English text, shown when en has no entry.
    if (lang == Lang::kEn) continue;
    const std::string& code = Languages().Info(lang).code;
    std::vector<std::string> missing;
    for (const auto& id : ids) {
      if (!translator.Has(lang, id)) missing.push_back(id);
    }
    std::string first;
    for (size_t i = 0; i < missing.size() && i < 5; ++i) first += "\n  " + missing[i];
    EXPECT_TRUE(missing.empty()) << code << ": " << missing.size() << " of " << ids.size()
                                 << " public messages have no translation, such as:" << first;
  }
}

// The public templates' texts are all in the list (so the list is not stale).
TEST(PublicCatalogCompleteness, TheListHoldsEveryTextOfThePublicTemplates) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  Templates templates(std::string(MELDPUNT_SOURCE_DIR) + "/templates/public", translator);
  auto ids = PublicMessageIds();
  for (const auto& id : templates.MessageIds()) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end())
        << "not in locale/public-msgids.txt (run scripts/update-messages): " << id;
  }
}

}  // namespace
}  // namespace meldpunt::web
