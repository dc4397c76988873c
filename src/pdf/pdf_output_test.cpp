#include "pdf/pdf_output.hpp"

#include <gtest/gtest.h>

#include <string>

namespace meldpunt::pdf {
namespace {

// A minimal PDF as cairo writes one: the catalog, then the cross-reference table.
std::string TinyPdf() {
  std::string pdf = "%PDF-1.5\n";
  size_t first = pdf.size();
  pdf += "1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
  size_t catalog = pdf.size();
  pdf += "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n";
  size_t info = pdf.size();
  pdf += "3 0 obj\n<< /Creator (meldpunt) >>\nendobj\n";
  size_t xref = pdf.size();
  auto entry = [](size_t offset) {
    char text[21];
    std::snprintf(text, sizeof text, "%010zu 00000 n \n", offset);
    return std::string(text);
  };
  pdf += "xref\n0 4\n0000000000 65535 f \n" + entry(first) + entry(catalog) + entry(info);
  pdf += "trailer\n<< /Size 4 /Root 2 0 R /Info 3 0 R >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return pdf;
}

size_t OffsetOf(const std::string& pdf, int object) {
  size_t entries = pdf.find("0000000000 65535 f \n");
  return std::stoull(pdf.substr(entries + 20 * static_cast<size_t>(object), 10));
}

TEST(WithLanguage, PutsLangIntoTheCatalogAndMovesTheOffsetsBehindIt) {
  std::string before = TinyPdf();
  std::string after = WithLanguage(before, "nl");
  EXPECT_NE(after.find("<< /Type /Catalog\n   /Lang (nl)\n   /Pages 1 0 R"), std::string::npos)
      << after;
  for (int object = 1; object <= 3; ++object) {
    std::string head = std::to_string(object) + " 0 obj";
    EXPECT_EQ(after.compare(OffsetOf(after, object), head.size(), head), 0) << object;
  }
  EXPECT_EQ(OffsetOf(after, 1), OffsetOf(before, 1));  // before the catalog: unchanged
  size_t start = std::stoull(after.substr(after.rfind("startxref\n") + 10));
  EXPECT_EQ(after.compare(start, 5, "xref\n"), 0);
}

TEST(WithLanguage, LeavesAloneWhatItCannotSafelyChange) {
  std::string pdf = TinyPdf();
  EXPECT_EQ(WithLanguage(pdf, "nl) /Evil (x"), pdf);  // not a language tag
  std::string with = WithLanguage(pdf, "en");
  EXPECT_EQ(WithLanguage(with, "nl"), with);  // already has one
  EXPECT_EQ(WithLanguage("not a pdf", "nl"), "not a pdf");
}

}  // namespace
}  // namespace meldpunt::pdf
