#include "web/figures/pdf/report_document.hpp"

#include "pdf/pdf_output.hpp"
#include "web/figures/pdf/figure_table_pdf.hpp"
#include "web/figures/pdf/report_page.hpp"

namespace meldpunt::figures_pdf {
namespace {

constexpr TextStyle kTitle{.size = 16, .bold = true};
constexpr TextStyle kParagraph{.size = 10};
constexpr TextStyle kPopulation{.size = 13, .bold = true};
constexpr TextStyle kNote{.size = 8.5, .gray = 0.25};

TableLine LineOf(const ReportPdfTexts& texts, std::string label, const FigureCell& cell) {
  return {.label = std::move(label),
          .current = texts.cell(cell, true),
          .previous = texts.cell(cell, false),
          .change = texts.change(cell),
          .value = cell.current,
          .bar = cell.current_state == CellState::kShown};
}

bool DrawTables(ReportPage& page, const MunicipalReport& report, const ReportPdfTexts& texts) {
  TableHeader header;
  header.current = texts.column_current;
  header.previous = texts.column_previous;
  header.change = texts.column_change;
  header.chart = texts.column_chart;
  header.not_shown = texts.not_shown;
  for (size_t i = 0; i < report.tables.size(); ++i) {
    const FigureTable& table = report.tables[i];
    if (i == 0 || report.tables[i - 1].population != table.population) {
      // A population's heading does not stand alone at the foot of a page.
      if (!page.Block("H2", texts.population_title(table), kPopulation, 16, 80)) return false;
    }
    header.caption = texts.caption(table);
    std::vector<TableLine> rows;
    rows.reserve(table.rows.size());
    for (const FigureRow& row : table.rows) {
      rows.push_back(LineOf(texts, texts.row_label(table, row.code), row.cell));
      rows.back().part = texts.row_is_part && texts.row_is_part(table, row.code);
    }
    if (!DrawFigureTable(page, header, rows, LineOf(texts, texts.total, table.total))) return false;
    std::string note = texts.several_per_report;
    if (table.dimension == "ground" && !texts.sub_grounds.empty()) note += " " + texts.sub_grounds;
    if (table.multiple_per_report && !page.Block("P", note, kNote, 3)) return false;
  }
  return true;
}

}  // namespace

Result<std::string> MunicipalReportPdf(const MunicipalReport& report, const ReportPdfTexts& texts) {
  pdf::PdfOutput output(texts.title, texts.language);
  if (!output.problem().empty()) return Error{output.problem()};
  ReportPage page(output.cr(), output.context(), texts.footer, texts.page, kMaxPages);
  bool fits = [&] {
    Tag document(output.cr(), "Document");
    if (!page.Block("H1", texts.title, kTitle, 0)) return false;
    for (const std::string& paragraph : texts.introduction)
      if (!page.Block("P", paragraph, kParagraph, 6)) return false;
    if (!texts.suppression_note.empty() &&
        !page.Block("P", texts.suppression_note, kParagraph, 6)) {
      return false;
    }
    return DrawTables(page, report, texts);
  }();
  if (!fits) {
    return Error{"the report would take more than " + std::to_string(kMaxPages) + " pages"};
  }
  page.Finish();
  return output.Finish();
}

}  // namespace meldpunt::figures_pdf
