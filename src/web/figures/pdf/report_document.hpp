#pragma once
// The municipal yearly report (domain/figures/figures.hpp) as an A4 PDF: a title, what was counted,
// the suppression explanation, and every table with this year, the previous year, the change and a
// horizontal bar chart of this year beside the rows. Real text (DejaVu Sans, embedded), tagged
// (headings, paragraphs, tables) so that text extraction and screen readers read it in order,
// with the document's title and language set. A table flows over pages between rows, never
// through one, and repeats its header on the next page. cairo and Pango stay private.
//
// The renderer decides nothing about what a number may show: the caller passes the report as it
// may leave (suppressed or not) and the texts of its cells, so the PDF shows "< 5" and "x" exactly
// as the HTML page and the CSV do.
#include <functional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/figures/figures.hpp"

namespace meldpunt::figures_pdf {

// A report has a fixed set of tables; this limit only stops a runaway input.
inline constexpr int kMaxPages = 60;

// Every text of the PDF in the reader's language (the web layer translates them).
struct ReportPdfTexts {
  std::string language;                   // BCP 47 ("nl", "en"): hyphenation and the PDF's /Lang
  std::string title;                      // the heading and the PDF's title
  std::vector<std::string> introduction;  // paragraphs under the title: what was counted
  std::string suppression_note;           // empty when the numbers are exact
  std::string footer;                     // at the foot of every page, before the page number
  std::string page;                       // "Page" / "Pagina"
  std::string column_current;             // "2025"
  std::string column_previous;            // "2024"
  std::string column_change;
  std::string column_chart;        // the header of the bar chart column
  std::string total;               // the label of a table's total row
  std::string several_per_report;  // the note under a table where a report counts several times
  std::string sub_grounds;         // added to that note under a ground table
  // Whether a row is part of the row above (a sub-ground): its label is indented.
  std::function<bool(const FigureTable&, const std::string& code)> row_is_part;
  std::string not_shown;  // beside a bar that is not shown (a suppressed number)
  std::function<std::string(const FigureTable&)> population_title;
  std::function<std::string(const FigureTable&)> caption;
  std::function<std::string(const FigureTable&, const std::string& code)> row_label;
  // A number as shown: the count, "< 5" or "x" (current: this year, else the previous year).
  std::function<std::string(const FigureCell&, bool current)> cell;
  std::function<std::string(const FigureCell&)> change;
};

// The PDF's bytes, or an error: the font DejaVu Sans not installed (Debian: fonts-dejavu-core),
// more than kMaxPages pages, or cairo failing. Safe to call from several threads at once.
Result<std::string> MunicipalReportPdf(const MunicipalReport& report, const ReportPdfTexts& texts);

}  // namespace meldpunt::figures_pdf
