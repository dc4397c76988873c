#include "letters/pdf.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "letters/pdf_test_tools.hpp"

namespace meldpunt::letters {
namespace {

LetterLayout Sample() {
  LetterLayout letter;
  letter.lang = Lang::kNl;
  letter.title = "Verzoek om uw reactie op een melding (kenmerk 2026-0042)";
  letter.sender = {"Bureau Gelijke Behandeling", "Postbus 1", "3500 AA Utrecht"};
  letter.recipient = {"Café De Brug B.V.", "t.a.v. mevrouw Ruïz", "Kerkstraat 1",
                      "3511 AB Utrecht"};
  letter.date_line = "3 maart 2026";
  letter.subject = letter.title;
  letter.paragraphs = {
      "Geachte heer, mevrouw,",
      "Een bezoeker van de reünie kreeg een boete van € 250 en werd de toegang geweigerd.",
      "Wij vragen uw reactie.\nOp een nieuwe regel.",
      "<b>Geen opmaak</b> &amp; geen <i>markup</i>",
  };
  letter.signature = {"Met vriendelijke groet,", "", "J. de Vries", "Bureau Gelijke Behandeling"};
  return letter;
}

std::string Render(const LetterLayout& letter) {
  auto pdf = RenderLetterPdf(letter);
  EXPECT_TRUE(pdf) << pdf.error();
  return pdf ? *pdf : std::string();
}

// pdftotext may break lines anywhere it likes; words are compared with whitespace squeezed.
std::string Squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

TEST(RenderLetterPdf, MakesAPdf) {
  std::string pdf = Render(Sample());
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_GT(pdf.size(), 5000u);  // with the embedded font subset
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(RenderLetterPdf, TextIsRealTextWithDutchCharacters) {
  if (!OnPath("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  std::string text = Squeezed(PdfToText(Render(Sample())));
  for (const char* expected :
       {"Bureau Gelijke Behandeling", "Postbus 1", "Café De Brug B.V.", "mevrouw Ruïz",
        "3 maart 2026", "kenmerk 2026-0042", "reünie", "€ 250", "Op een nieuwe regel",
        "<b>Geen opmaak</b> &amp; geen <i>markup</i>", "Met vriendelijke groet", "J. de Vries"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  }
  // One page: no page numbers.
  EXPECT_EQ(text.find("Pagina"), std::string::npos);
}

TEST(RenderLetterPdf, SetsTheTitle) {
  if (!OnPath("pdfinfo")) GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
  std::string info = Squeezed(RunOnPdf("pdfinfo", "", Render(Sample())));
  EXPECT_NE(info.find("Title: Verzoek om uw reactie op een melding (kenmerk 2026-0042) "),
            std::string::npos)
      << info;
  EXPECT_NE(info.find("Page size: 595.276 x 841.89 pts (A4)"), std::string::npos) << info;
}

TEST(RenderLetterPdf, LongBodyRunsOverPagesWithNumbers) {
  if (!OnPath("pdfinfo") || !OnPath("pdftotext")) GTEST_SKIP() << "poppler-utils not installed";
  LetterLayout letter = Sample();
  letter.lang = Lang::kEn;
  for (int i = 0; i < 40; ++i) {
    letter.paragraphs.push_back("Paragraph " + std::to_string(i) +
                                ": the bureau hears both sides before it forms a view of what "
                                "happened, and asks the other party for a reply in writing.");
  }
  std::string pdf = Render(letter);
  int pages = PdfPages(pdf);
  EXPECT_GE(pages, 2);
  std::string text = Squeezed(PdfToText(pdf));
  EXPECT_NE(text.find("Page 1 of " + std::to_string(pages)), std::string::npos) << text;
  EXPECT_NE(text.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)),
            std::string::npos);
  EXPECT_NE(text.find("Paragraph 39:"), std::string::npos);
  EXPECT_NE(text.find("J. de Vries"), std::string::npos);
  // The signature is not alone on the last page: the last paragraph went with it.
  std::string last = "-f " + std::to_string(pages) + " -l " + std::to_string(pages);
  std::string last_page = Squeezed(RunOnPdf("pdftotext -enc UTF-8 " + last, "-", pdf));
  EXPECT_NE(last_page.find("Paragraph 39:"), std::string::npos) << last_page;
  EXPECT_NE(last_page.find("J. de Vries"), std::string::npos) << last_page;
}

TEST(RenderLetterPdf, RefusesWhatIsTooLong) {
  LetterLayout letter = Sample();
  letter.paragraphs.push_back(std::string(kMaxBodyChars, 'a'));
  auto refused = RenderLetterPdf(letter);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(), "body is longer than 20000 characters");

  // Within the character limit, but one line per character: far over the page limit.
  letter = Sample();
  letter.paragraphs = {};
  for (int i = 0; i < 2000; ++i) letter.paragraphs.push_back("x");
  auto pages = RenderLetterPdf(letter);
  ASSERT_FALSE(pages);
  EXPECT_EQ(pages.error(), "the letter would take more than 20 pages");

  letter = Sample();
  letter.subject = std::string(kMaxLineChars + 1, 's');
  EXPECT_FALSE(RenderLetterPdf(letter));
  letter = Sample();
  letter.recipient.assign(kMaxBlockLines + 1, "line");
  EXPECT_FALSE(RenderLetterPdf(letter));
}

TEST(RenderLetterPdf, RefusesInvalidText) {
  LetterLayout letter = Sample();
  letter.paragraphs.push_back("broken \xc3");
  EXPECT_FALSE(RenderLetterPdf(letter));
  letter = Sample();
  letter.subject = "two\nlines";
  EXPECT_FALSE(RenderLetterPdf(letter));
  letter = Sample();
  letter.paragraphs.push_back(std::string("bell \a"));
  EXPECT_FALSE(RenderLetterPdf(letter));
}

TEST(RenderLetterPdf, EmptyPartsAreLeftOut) {
  LetterLayout letter;
  letter.paragraphs = {"Alleen tekst."};
  std::string pdf = Render(letter);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
}

TEST(RenderLetterPdf, IsSafeFromManyThreads) {
  std::atomic<int> rendered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        LetterLayout letter = Sample();
        letter.paragraphs.push_back("Thread " + std::to_string(t) + " letter " + std::to_string(i));
        auto pdf = RenderLetterPdf(letter);
        rendered += pdf && pdf->rfind("%PDF-", 0) == 0;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(rendered, 12);
}

}  // namespace
}  // namespace meldpunt::letters
