#include "web/figures/national_xlsx.hpp"

namespace meldpunt::web {

std::vector<exports::XlsxSheet> NationalSheets(const NationalFile& file,
                                               const std::vector<std::string>& about_lines) {
  using exports::XlsxCell;
  std::vector<exports::XlsxSheet> sheets;
  exports::XlsxSheet about;
  about.name = "About";
  about.column_widths = {100};
  for (size_t i = 0; i < about_lines.size(); ++i)
    about.rows.push_back({XlsxCell{about_lines[i], i == 0}});
  sheets.push_back(std::move(about));
  auto header = [](std::string text) { return XlsxCell{std::move(text), true}; };
  for (std::string_view table : kNationalTables) {
    exports::XlsxSheet sheet;
    sheet.name = std::string(table);
    sheet.column_widths = {22, 22, 30, 8, 26, 10};
    sheet.rows.push_back({header("format_version"), header("bureau_id"), header("bureau_name"),
                          header("year"), header("code"), header("count")});
    auto add = [&](const BureauFigures& bureau) {
      for (const auto& row : bureau.rows) {
        if (row.table != table) continue;
        XlsxCell count = row.count.shown == CountShown::kExact ? XlsxCell{row.count.value}
                                                               : XlsxCell{CountText(row.count)};
        sheet.rows.push_back({XlsxCell{std::string(kNationalFormatVersion)}, XlsxCell{bureau.id},
                              XlsxCell{bureau.name}, XlsxCell{static_cast<long long>(file.year)},
                              XlsxCell{row.code}, count});
      }
    };
    for (const auto& bureau : file.bureaus) add(bureau);
    add(file.national);
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace meldpunt::web
