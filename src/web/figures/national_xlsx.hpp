#pragma once
// The national file as a workbook: an About sheet, then one sheet per table with the same rows
// and counts as the CSV (docs/national-file.md).
#include <string>
#include <vector>

#include "domain/figures/national_report.hpp"
#include "exports/xlsx_writer.hpp"

namespace meldpunt::web {

// The About sheet's lines are given translated; the table sheets use the file's codes.
std::vector<exports::XlsxSheet> NationalSheets(const NationalFile& file,
                                               const std::vector<std::string>& about_lines);

}  // namespace meldpunt::web
