#include "web/speech/page_sections.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <regex>

#include "web/speech/read_aloud.hpp"

namespace meldpunt::web {
namespace {

TEST(PageSections, SplitsAtTheHeadingsAndReadsOnlyVisibleText) {
  std::string html = R"(<h1>Melden helpt!</h1>
<p class="lead">Heeft u discriminatie meegemaakt? Vertel het ons &amp; blijf anoniem.</p>
<script>var secret = "not read";</script>
<h2>Waarom melden?</h2>
<ul><li>juridisch advies</li><li>bemiddeling</li></ul>
<select name="m"><option>Amsterdam</option></select>
<!-- a comment -->
<h2 id="x">Anoniem melden</h2><p>U hoeft uw naam niet te geven.</p>)";
  auto sections = ExtractSections(html);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].id, "1");
  EXPECT_EQ(sections[0].heading, "Melden helpt!");
  EXPECT_EQ(sections[0].text,
            "Melden helpt! Heeft u discriminatie meegemaakt? Vertel het ons & blijf anoniem.");
  EXPECT_EQ(sections[1].heading, "Waarom melden?");
  EXPECT_EQ(sections[1].text, "Waarom melden? juridisch advies. bemiddeling.");
  EXPECT_EQ(sections[2].heading, "Anoniem melden");
  EXPECT_EQ(sections[2].text, "Anoniem melden. U hoeft uw naam niet te geven.");
  for (const auto& s : sections) {
    EXPECT_EQ(s.text.find("secret"), std::string::npos);
    EXPECT_EQ(s.text.find("Amsterdam"), std::string::npos);
    EXPECT_EQ(s.text.find("comment"), std::string::npos);
  }
}

TEST(PageSections, TheVersionChangesWithTheText) {
  auto a = ExtractSections("<h1>Een</h1><p>Tekst.</p>");
  auto b = ExtractSections("<h1>Een</h1><p>Andere tekst.</p>");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a[0].version, b[0].version);
  EXPECT_EQ(a[0].version, ExtractSections("<h1>Een</h1><p>Tekst.</p>")[0].version);
  EXPECT_EQ(a[0].version.size(), 16u);
}

TEST(PageSections, DecodesNumericEntities) {
  EXPECT_EQ(VisibleText("<p>caf&#233; &#x2014; &quot;ok&quot;</p>"), "café — \"ok\".");
}

TEST(PageSections, ALongSectionIsCutAtASentenceEnd) {
  std::string html = "<h1>Kop</h1><p>";
  for (int i = 0; i < 400; ++i) html += "Dit is een zin. ";
  html += "</p>";
  auto sections = ExtractSections(html);
  ASSERT_GT(sections.size(), 1u) << "in parts";
  size_t chars = 0;
  for (const auto& part : sections) chars += speech::CountChars(part.text) + 1;
  EXPECT_LE(chars, kMaxSectionChars + 1);
  EXPECT_GT(chars, kMaxSectionChars - 20);
  EXPECT_EQ(sections.back().text.back(), '.');
}

TEST(PageSections, ALongSectionIsReadInPartsThatEndAtSentences) {
  std::string html = "<h1>Kop</h1><p>";
  for (int i = 0; i < 60; ++i) html += "Dit is zin nummer " + std::to_string(i) + ". ";
  html += "</p><h2>Kort</h2><p>Een zin.</p>";
  auto sections = ExtractSections(html);
  ASSERT_GT(sections.size(), 3u);
  std::string joined;
  for (size_t i = 0; i + 1 < sections.size(); ++i) {
    const auto& part = sections[i];
    EXPECT_EQ(part.position, 0u);
    EXPECT_EQ(part.part, i + 1);
    EXPECT_EQ(part.parts, sections.size() - 1);
    EXPECT_EQ(part.id, "1-" + std::to_string(i + 1));
    EXPECT_EQ(part.heading, "Kop");
    EXPECT_LE(speech::CountChars(part.text), kPartChars);
    EXPECT_EQ(part.text.back(), '.') << "a part ends at a sentence end: " << part.text;
    joined += (joined.empty() ? "" : " ") + part.text;
  }
  EXPECT_EQ(joined, VisibleText(html.substr(0, html.find("<h2>")))) << "nothing lost or repeated";
  EXPECT_EQ(sections.back().id, "2") << "a short section keeps its plain id";
  EXPECT_EQ(sections.back().position, 1u);
  EXPECT_EQ(sections.back().parts, 1u);
}

TEST(PageSections, APartWithoutSentenceEndsIsCutAtASpace) {
  std::string words;
  for (int i = 0; i < 100; ++i) words += "woord ";
  auto parts = SplitIntoParts(words + "einde");
  ASSERT_GT(parts.size(), 1u);
  for (const auto& part : parts) {
    EXPECT_LE(speech::CountChars(part), kPartChars);
    EXPECT_NE(part.front(), ' ');
    EXPECT_NE(part.back(), ' ');
  }
  EXPECT_EQ(parts.back().substr(parts.back().size() - 5), "einde");
  // Multi-byte text is cut between characters, never inside one.
  std::string arabic;
  for (int i = 0; i < 200; ++i) arabic += "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\xD8\x9F ";
  for (const auto& part : SplitIntoParts(arabic)) {
    EXPECT_LE(speech::CountChars(part), kPartChars);
    EXPECT_EQ(part.substr(part.size() - 2), "\xD8\x9F") << "ends at the Arabic question mark";
  }
}

// The shipped templates: every readable page has sections in every language read aloud, and the
// home page's are its own headings.
class ReadAloudPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    translator_ = new Translator(MELDPUNT_LOCALE_DIR);
    templates_ = new Templates(std::string(MELDPUNT_SOURCE_DIR) + "/templates", *translator_);
    read_aloud_ = new ReadAloud(*templates_, {.disk_cache_folder = "", .translator = translator_});
  }
  static void TearDownTestSuite() {
    delete read_aloud_;
    delete templates_;
    delete translator_;
  }
  static Translator* translator_;
  static Templates* templates_;
  static ReadAloud* read_aloud_;
};
Translator* ReadAloudPages::translator_ = nullptr;
Templates* ReadAloudPages::templates_ = nullptr;
ReadAloud* ReadAloudPages::read_aloud_ = nullptr;

TEST_F(ReadAloudPages, EveryReadablePageHasSectionsInEveryLanguage) {
  ASSERT_FALSE(read_aloud_->Languages().empty());
  for (const auto& page : ReadablePages()) {
    for (const auto& code : read_aloud_->Languages()) {
      auto sections = read_aloud_->Sections(page.slug, code);
      ASSERT_NE(sections, nullptr) << page.slug << " " << code;
      EXPECT_FALSE(sections->empty()) << page.slug << " " << code;
      for (const auto& s : *sections) {
        EXPECT_FALSE(s.text.empty());
        EXPECT_LE(speech::CountChars(s.text), kPartChars) << page.slug << " " << s.id;
        // No markup left ("< 5" on the figures page is text).
        EXPECT_FALSE(std::regex_search(s.text, std::regex("<[a-zA-Z/!]"))) << s.text;
      }
    }
  }
}

TEST_F(ReadAloudPages, TheHomePageIsReadInDutch) {
  auto sections = read_aloud_->Sections("home", "nl");
  ASSERT_NE(sections, nullptr);
  ASSERT_EQ(sections->back().position, 4u) << "the <h1> and four <h2> sections";
  EXPECT_EQ((*sections)[0].heading, "Melden helpt!");
  auto second = std::find_if(sections->begin(), sections->end(),
                             [](const PageSection& s) { return s.position == 1; });
  ASSERT_NE(second, sections->end());
  EXPECT_NE(second->text.find("Waarom melden?"), std::string::npos);
  EXPECT_EQ(read_aloud_->Section("home", "9", "nl"), nullptr);
  EXPECT_EQ(read_aloud_->Section("nope", "1", "nl"), nullptr);
  EXPECT_EQ(read_aloud_->Section("home", "1", "xx"), nullptr);
  EXPECT_EQ(read_aloud_->SlugOf("privacy"), "privacy");
  EXPECT_FALSE(read_aloud_->SlugOf("staff_report"));
}

TEST_F(ReadAloudPages, ErrorPagesAreReadWithTheirOwnText) {
  auto nl = read_aloud_->Sections("fout-404", "nl");
  ASSERT_NE(nl, nullptr);
  EXPECT_EQ(nl->front().heading, "Pagina niet gevonden");
  auto tr = read_aloud_->Sections("formulier-verlopen", "tr");
  ASSERT_NE(tr, nullptr);
  EXPECT_EQ(tr->front().text.find("expired"), std::string::npos) << tr->front().text;
  EXPECT_EQ(read_aloud_->SlugOf("error", "Page not found"), "fout-404");
  EXPECT_EQ(read_aloud_->SlugOf("error", "This form has expired"), "formulier-verlopen");
  EXPECT_FALSE(read_aloud_->SlugOf("error", "Some other title"));
  // Without a translator the error pages are not offered (their texts come from code).
  ReadAloud plain(*templates_, {.disk_cache_folder = ""});
  EXPECT_FALSE(plain.SlugOf("error", "Page not found"));
  EXPECT_EQ(plain.Sections("fout-404", "nl"), nullptr);
}

TEST_F(ReadAloudPages, PagesAreReadAsShownWithData) {
  auto all = [](const SectionList& sections) {
    std::string text;
    for (const auto& s : *sections) text += s.text + "\n";
    return text;
  };
  std::string figures = all(read_aloud_->Sections("cijfers", "en"));
  EXPECT_EQ(figures.find("No working areas"), std::string::npos) << figures;
  EXPECT_NE(figures.find("How to read the tables"), std::string::npos) << figures;
  std::string received = all(read_aloud_->Sections("ontvangen", "en"));
  EXPECT_EQ(received.find("was shown right after you sent"), std::string::npos) << received;
}

// "Andere manieren om te melden" is read with each bureau's details, and again when they change;
// a list handed out before the change stays as it was for whoever holds it.
TEST_F(ReadAloudPages, ALivePageIsReadWithItsDataAndAgainWhenItChanges) {
  long long version = 1;
  std::string phone = "020 111 22 33";
  ReadAloud read_aloud(*templates_, {.disk_cache_folder = "", .translator = translator_});
  read_aloud.SetLivePage("andere-manieren",
                         {.version = [&] { return version; },
                          .data =
                              [&] {
                                TemplateData bureau;
                                bureau.set("id", "1");
                                bureau.set("name", "Discriminatie.nl Zuid");
                                bureau.set("has_ways", TemplateData(TemplateData::type::bool_true));
                                bureau.set("report_by_phone",
                                           TemplateData(TemplateData::type::bool_true));
                                bureau.set("phone", phone);
                                TemplateData bureaus = TemplateData::type::list;
                                bureaus.push_back(bureau);
                                TemplateData data;
                                data.set("bureaus", bureaus);
                                return data;
                              }});
  auto text = [](const SectionList& sections) {
    std::string all;
    for (const auto& s : *sections) all += s.text + "\n";
    return all;
  };
  SectionList before = read_aloud.Sections("andere-manieren", "nl");
  ASSERT_NE(before, nullptr);
  EXPECT_NE(text(before).find("Discriminatie.nl Zuid"), std::string::npos) << text(before);
  EXPECT_NE(text(before).find("020 111 22 33"), std::string::npos) << text(before);
  phone = "030 444 55 66";
  EXPECT_EQ(text(read_aloud.Sections("andere-manieren", "nl")), text(before))
      << "the same version: not rendered again";
  version = 2;
  SectionList after = read_aloud.Sections("andere-manieren", "nl");
  EXPECT_NE(text(after).find("030 444 55 66"), std::string::npos) << text(after);
  EXPECT_NE(text(before).find("020 111 22 33"), std::string::npos) << "the old list is intact";
  auto bureau = std::find_if(after->begin(), after->end(), [](const PageSection& s) {
    return s.heading == "Discriminatie.nl Zuid";
  });
  ASSERT_NE(bureau, after->end()) << "a section of its own, headed by the bureau's name";
  auto found = read_aloud.Section("andere-manieren", bureau->id, "tr");
  ASSERT_NE(found, nullptr);
  EXPECT_NE(found->text.find("030 444 55 66"), std::string::npos) << "in every language";
  EXPECT_THROW(read_aloud.SetLivePage("nope", {}), std::logic_error);
}

TEST_F(ReadAloudPages, SectionAudioIsCachedTypedTextIsNot) {
  read_aloud_->ClearCaches();
  SectionList home = read_aloud_->Sections("home", "nl");
  ASSERT_NE(home, nullptr);
  const PageSection* section = &home->front();
  ASSERT_NE(section, nullptr);
  auto first = read_aloud_->SectionAudio("home", *section, "nl");
  ASSERT_EQ(first.outcome, ReadAloud::Outcome::kOk);
  EXPECT_EQ(first.audio->substr(0, 4), "OggS");
  EXPECT_EQ(read_aloud_->MemoryCache().Count(), 1u);
  auto second = read_aloud_->SectionAudio("home", *section, "nl");
  EXPECT_EQ(second.audio.get(), first.audio.get());  // the same bytes, from memory

  auto typed = read_aloud_->TypedTextAudio("Mijn eigen verhaal.", "nl");
  ASSERT_EQ(typed.outcome, ReadAloud::Outcome::kOk);
  EXPECT_EQ(read_aloud_->MemoryCache().Count(), 1u);
  EXPECT_EQ(read_aloud_->TypedTextAudio(std::string(kMaxTypedChars + 1, 'a'), "nl").outcome,
            ReadAloud::Outcome::kTooLong);
  EXPECT_EQ(read_aloud_->TypedTextAudio("Hallo", "xx").outcome, ReadAloud::Outcome::kUnsupported);
}

}  // namespace
}  // namespace meldpunt::web
